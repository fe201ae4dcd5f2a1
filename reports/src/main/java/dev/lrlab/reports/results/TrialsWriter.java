package dev.lrlab.reports.results;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a run's trials. Each finished trial is appended to a journal segment and flushed at once,
 * so that a crash loses only the trials still running; every {@value #PART_TRIALS} trials the
 * segment is closed and, by the worker whose trial filled it, its trials are written as one
 * compressed Parquet part (trials and metrics), published by renaming, and the segment deleted. Closing writes the
 * last part, so a finished run holds Parquet only. Safe to call from several threads.
 */
public final class TrialsWriter implements Closeable {

    /** Trials per Parquet part, unless the system property {@link #PART_TRIALS_PROPERTY} says otherwise. */
    public static final int PART_TRIALS = 1000;
    /** A smaller part size, for tests that must see parts published within a short run. */
    public static final String PART_TRIALS_PROPERTY = "lrlab.part-trials";
    private static final long PART_BYTES = 64L << 20;

    private final Path dir;
    private final Map<String, String> metadata;
    private final int partTrials = Math.max(1, Integer.getInteger(PART_TRIALS_PROPERTY, PART_TRIALS));
    private int publishing;
    private DataOutputStream segment;
    private Path segmentPath;
    private List<TrialRecord> batch = new ArrayList<>();
    private long batchBytes;
    private int nextPart;
    private int nextSegment;

    private TrialsWriter(Path dir, Map<String, String> metadata) {
        this.dir = dir;
        this.metadata = metadata;

    }

    /**
     * Opens the results of {@code dir} for more trials: a journal left by a run that stopped is
     * turned into a part first (its torn last entry dropped: that trial is redone), and a torn last
     * line of an old {@code trials.jsonl} is cut off.
     */
    public static TrialsWriter open(Path dir, Map<String, String> metadata) throws IOException {
        TrialsWriter w = new TrialsWriter(dir, metadata);
        Files.createDirectories(dir.resolve(RunResults.JOURNAL));
        for (String folder : List.of(RunResults.TRIALS, RunResults.METRICS)) {
            for (Path p : RunResults.files(dir.resolve(folder), ".parquet")) {
                w.nextPart = Math.max(w.nextPart, number(p) + 1);
            }
        }
        List<Path> segments = RunResults.files(dir.resolve(RunResults.JOURNAL), ".bin");
        List<TrialRecord> left = RunResults.journalNotInParts(dir);
        if (!left.isEmpty()) {
            w.publish(left, w.nextPart++);
        }
        for (Path s : segments) {
            Files.delete(s);
        }
        Path legacy = dir.resolve(TrialsFile.NAME);
        TrialsFile.Contents old = TrialsFile.read(legacy);
        if (old.tornLine() > 0) {
            try (var channel = Files.newByteChannel(legacy, StandardOpenOption.WRITE)) {
                channel.truncate(old.validBytes());
            }
        }
        w.startSegment();
        return w;
    }

    private static int number(Path part) {
        String name = part.getFileName().toString();
        try {
            return Integer.parseInt(name.substring(name.indexOf('-') + 1, name.indexOf('.')));
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private void startSegment() throws IOException {
        segmentPath = dir.resolve(RunResults.JOURNAL).resolve(String.format("segment-%06d.bin", nextSegment++));
        while (Files.exists(segmentPath)) {
            segmentPath = dir.resolve(RunResults.JOURNAL).resolve(String.format("segment-%06d.bin", nextSegment++));
        }
        segment = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(segmentPath,
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16));
    }

    /** One trial as a journal entry: a marker, the length, a CRC-32 of the entry, the entry. */
    public static byte[] journalEntry(TrialRecord record) {
        JournalCodec.Out framed = framed(record);
        return framed.bytes.length == framed.size ? framed.bytes : java.util.Arrays.copyOf(framed.bytes, framed.size);
    }

    /** The entry encoded after room for its frame, the frame then written in place: no copy of the entry. */
    private static JournalCodec.Out framed(TrialRecord record) {
        JournalCodec.Out out = JournalCodec.encode(record, 12);
        int length = out.size - 12;
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(out.bytes, 12, length);
        java.nio.ByteBuffer.wrap(out.bytes, 0, 12).putInt(RunResults.ENTRY_MAGIC).putInt(length).putInt((int) crc.getValue());
        return out;
    }

    /**
     * Appends one trial to the journal and flushes it. The worker whose trial fills a segment then
     * writes that segment's part itself, outside the lock, while the others go on appending to the
     * next segment: the compression is spread over the workers as their trials are, and a run on
     * one thread pays for it as a run on many does.
     */
    public void write(TrialRecord record) throws IOException {
        // encode outside the lock, so that workers wait only for the write itself
        JournalCodec.Out entry = framed(record);
        List<TrialRecord> full = null;
        Path done = null;
        int part = -1;
        synchronized (this) {
            segment.write(entry.bytes, 0, entry.size);
            segment.flush();
            batch.add(record);
            batchBytes += entry.size;
            if (batch.size() >= partTrials || batchBytes >= PART_BYTES) {
                segment.close();
                full = batch;
                done = segmentPath;
                part = nextPart++;
                batch = new ArrayList<>();
                batchBytes = 0;
                publishing++;
                startSegment();
            }
        }
        if (full != null) {
            try {
                publish(full, part);
                Files.delete(done);
            } finally {
                synchronized (this) {
                    publishing--;
                    notifyAll();
                }
            }
        }
    }

    /** Writes one part under temporary names and renames it into place, metrics first. */
    private void publish(List<TrialRecord> trials, int part) throws IOException {
        Path trialsDir = Files.createDirectories(dir.resolve(RunResults.TRIALS));
        Path metricsDir = Files.createDirectories(dir.resolve(RunResults.METRICS));
        String name = String.format("part-%05d.parquet", part);
        Path trialsTmp = trialsDir.resolve(name + ".tmp");
        Path metricsTmp = metricsDir.resolve(name + ".tmp");
        TrialTable.write(trials, trialsTmp, metricsTmp, metadata);
        Files.move(metricsTmp, metricsDir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Files.move(trialsTmp, trialsDir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Waits for the parts being written, then writes the last one; a finished run holds Parquet only. */
    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (segment == null) {
                return;
            }
            while (publishing > 0) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while writing results");
                }
            }
            segment.close();
            if (!batch.isEmpty()) {
                publish(batch, nextPart++);
                batch = new ArrayList<>();
            }
            Files.deleteIfExists(segmentPath);
            segment = null;
        }
        Path journal = dir.resolve(RunResults.JOURNAL);
        if (RunResults.files(journal, ".bin").isEmpty()) {
            try (var s = Files.list(journal)) {
                if (s.findAny().isEmpty()) {
                    Files.delete(journal);
                }
            }
        }
    }
}
