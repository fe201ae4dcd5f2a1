package dev.lrlab.reports;

import dev.lrlab.reports.results.Manifest;
import dev.lrlab.reports.results.TrialRecord;
import dev.lrlab.reports.results.TrialsFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run directory holds, read for a report: the manifest (if any), every usable trial, and
 * warnings about what was not usable (a torn last line, invalid lines, each with its line number).
 */
public record RunData(Path dir, Manifest manifest, List<TrialRecord> trials, List<String> warnings) {

    /** Reads a run directory; throws when nothing in it can be reported. */
    public static RunData load(Path dir) throws ReportException {
        if (!Files.isDirectory(dir)) {
            throw new ReportException(dir + " is not a directory");
        }
        Path trialsFile = dir.resolve(TrialsFile.NAME);
        boolean hasManifest = Files.exists(dir.resolve(Manifest.NAME));
        if (!hasManifest && !Files.exists(trialsFile)) {
            throw new ReportException(dir + " is not an lrlab run directory (no " + Manifest.NAME + ", no "
                    + TrialsFile.NAME + ")");
        }
        List<String> warnings = new ArrayList<>();
        Manifest manifest = null;
        if (hasManifest) {
            try {
                manifest = Manifest.read(dir);
            } catch (IOException e) {
                warnings.add(e.getMessage() + "; reporting without it");
            }
        } else {
            warnings.add(dir + " has no " + Manifest.NAME + "; reporting without the spec");
        }
        TrialsFile.Contents contents;
        try {
            contents = TrialsFile.read(trialsFile);
        } catch (IOException e) {
            throw new ReportException("cannot read " + trialsFile + ": " + e.getMessage());
        }
        for (String bad : contents.badLines()) {
            warnings.add(TrialsFile.NAME + " " + bad + " (skipped)");
        }
        if (contents.tornLine() > 0) {
            warnings.add(TrialsFile.NAME + " line " + contents.tornLine()
                    + " is torn (cut off mid-write; skipped; `lrlab run` on this directory redoes it)");
        }
        if (contents.records().isEmpty()) {
            throw new ReportException(dir + " has no finished trials to report"
                    + (warnings.isEmpty() ? "" : " (" + String.join("; ", warnings) + ")"));
        }
        return new RunData(dir, manifest, contents.records(), warnings);
    }
}
