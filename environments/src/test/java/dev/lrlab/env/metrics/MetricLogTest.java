package dev.lrlab.env.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricLogTest {

    @Test
    void eachReductionGivesOneValuePerInterval() {
        MetricLog log = new MetricLog();
        int mean = log.register("mean_one", Reduction.MEAN);
        int max = log.register("max_one", Reduction.MAX);
        int last = log.register("last_one", Reduction.LAST);
        int events = log.register("events", Reduction.PER_EPISODE);
        for (double v : new double[] {1, 5, 3}) {
            log.add(mean, v);
            log.add(max, v);
            log.add(last, v);
        }
        log.add(events, 1);
        log.add(events, 1);
        log.closeInterval(4, 40, 4);
        log.add(mean, -2);
        log.closeInterval(8, 80, 4);
        Map<String, double[]> s = log.recordedSeries();
        assertArrayEquals(new double[] {3, -2}, s.get("mean_one"));
        assertArrayEquals(new double[] {5, Double.NaN}, s.get("max_one"));
        assertArrayEquals(new double[] {3, Double.NaN}, s.get("last_one"));
        assertArrayEquals(new double[] {0.5, 0}, s.get("events"), "no event in an interval is 0 per episode");
        assertArrayEquals(new int[] {4, 8}, log.intervalEpisodes());
        assertArrayEquals(new long[] {40, 80}, log.intervalSteps());
    }

    @Test
    void aNameIsRegisteredOnceAndKeepsItsReduction() {
        MetricLog log = new MetricLog();
        assertEquals(log.register("x", Reduction.MEAN), log.register("x", Reduction.MEAN));
        assertThrows(IllegalArgumentException.class, () -> log.register("x", Reduction.MAX));
        assertEquals(-1, log.id("y"));
    }

    @Test
    void liveMetricsAreReadableButNotRecorded() {
        MetricLog log = new MetricLog();
        int ret = log.registerLive("episode_return", Reduction.MEAN);
        log.add(ret, -7);
        log.add(ret, -3);
        log.closeInterval(2, 10, 2);
        assertFalse(log.recordedSeries().containsKey("episode_return"));
        assertEquals(-3, log.latest(ret));
        assertEquals(2, log.count(ret));
        assertEquals(-10, log.sum(ret));
        assertEquals(List.of("episode_return"), log.names());
    }

    @Test
    void aLateMetricHasNothingInEarlierIntervalsAndGrowsPastManyIntervals() {
        MetricLog log = new MetricLog();
        log.closeInterval(1, 1, 1);
        int late = log.register("late", Reduction.MEAN);
        for (int i = 0; i < 100; i++) {
            log.add(late, i);
            log.closeInterval(i + 2, i + 2, 1);
        }
        double[] v = log.recordedSeries().get("late");
        assertEquals(101, v.length);
        assertTrue(Double.isNaN(v[0]));
        assertEquals(99, v[100]);
    }

    @Test
    void samplersPublishBeforeTheIntervalCloses() {
        MetricLog log = new MetricLog();
        int gauge = log.register("gauge", Reduction.LAST);
        int[] calls = {0};
        log.sampleAtIntervalEnd(() -> log.add(gauge, ++calls[0]));
        log.closeInterval(1, 1, 1);
        log.closeInterval(2, 2, 1);
        assertArrayEquals(new double[] {1, 2}, log.recordedSeries().get("gauge"));
    }

    @Test
    void manyMetricsGrowTheLog() {
        MetricLog log = new MetricLog();
        for (int i = 0; i < 40; i++) {
            log.add(log.register("m" + i, Reduction.MEAN), i);
        }
        log.closeInterval(1, 1, 1);
        assertEquals(39, log.recordedSeries().get("m39")[0]);
        assertEquals(40, log.recordedSeries().size());
    }

    @Test
    void aMeanBufferHandsItsSumOverInOneGo() {
        MetricLog log = new MetricLog();
        MeanBuffer buffer = new MeanBuffer(log, "abs_td_error");
        buffer.add(1);
        buffer.add(2);
        int id = log.id("abs_td_error");
        assertEquals(0, log.count(id), "nothing reaches the log before a flush");
        buffer.flush();
        buffer.flush();
        buffer.add(6);
        buffer.flush();
        assertEquals(3, log.count(id));
        assertEquals(9, log.sum(id));
        log.closeInterval(1, 3, 1);
        assertEquals(3, log.recordedSeries().get("abs_td_error")[0]);
    }

    /** Room made up front changes no value: the same log with and without it, past the room and with a late metric. */
    @Test
    void roomForTheExpectedIntervalsChangesNothing() {
        MetricLog[] logs = {new MetricLog(), new MetricLog()};
        logs[1].expectIntervals(40);
        for (MetricLog log : logs) {
            int a = log.register("a", Reduction.MEAN);
            for (int i = 0; i < 70; i++) {
                log.add(a, i * 0.5);
                if (i == 30) {
                    log.register("late", Reduction.MAX);
                }
                if (i > 30) {
                    log.add(1, -i);
                }
                log.closeInterval(i + 1, 10L * (i + 1), 1);
            }
        }
        assertEquals(logs[0].intervals(), logs[1].intervals());
        assertArrayEquals(logs[0].intervalEpisodes(), logs[1].intervalEpisodes());
        assertArrayEquals(logs[0].intervalSteps(), logs[1].intervalSteps());
        for (String name : List.of("a", "late")) {
            assertArrayEquals(logs[0].recordedSeries().get(name), logs[1].recordedSeries().get(name), name);
        }
        assertEquals(70, logs[1].recordedSeries().get("a").length);
        assertTrue(Double.isNaN(logs[1].recordedSeries().get("late")[30]), "nothing before it was registered");
    }
}
