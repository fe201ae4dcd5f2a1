package dev.lrlab.experiments.spec;

/** The study spec of {@link ParameterStudySpecTest}, for tests in other packages. */
public final class ParameterStudySpecTestAccess {

    public static final String STUDY = ParameterStudySpecTest.STUDY;

    private ParameterStudySpecTestAccess() {
    }
}
