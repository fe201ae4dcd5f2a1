package dev.lrlab.reports.figures;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FigureWriterTest {

    @Test
    void theWarmUpDrawsItsChartInEveryFormat() {
        // it swallows failures (the report's figures report them), so this is where one would show
        System.setProperty("java.awt.headless", "true");
        assertTrue(FigureWriter.warmUp(), "the warm-up chart was drawn as SVG, PNG and PDF");
    }
}
