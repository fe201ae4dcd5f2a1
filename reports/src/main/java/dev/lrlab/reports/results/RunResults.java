package dev.lrlab.reports.results;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The trials of a run directory, wherever they are: Parquet parts ({@code trials/part-*.parquet}
 * with their {@code metrics/part-*.parquet}, what pandas reads), the journal of trials finished
 * since the last part ({@code journal/segment-*.bin}, written by {@link TrialsWriter}), and
 * {@code trials.jsonl}, the format of runs made before Parquet, still read as it was.
 */
public final class RunResults {

    public static final String TRIALS = "trials";
    public static final String METRICS = "metrics";
    public static final String JOURNAL = "journal";
    /** Everything a run's results may occupy in its directory. */
    public static final List<String> NAMES = List.of(TRIALS, METRICS, JOURNAL, TrialsFile.NAME);

    static final int ENTRY_MAGIC = 0x4C524A31; // "LRJ1"

    /**
     * What a read found.
     *
     * @param records every readable trial, parts first, then the journal, then trials.jsonl
     * @param locations where each record is, for messages ("trials/part-00002.parquet row 7")
     * @param torn where a trial was cut off mid-write (its trial is redone), or null
     * @param damage what could not be read, each with its place
     */
    public record Contents(List<TrialRecord> records, List<String> locations, String torn, List<String> damage) {
    }

    private RunResults() {
    }

    /** Whether the directory holds any trial results. */
    public static boolean present(Path dir) throws IOException {
        if (Files.exists(dir.resolve(TrialsFile.NAME)) && Files.size(dir.resolve(TrialsFile.NAME)) > 0) {
            return true;
        }
        if (!files(dir.resolve(TRIALS), ".parquet").isEmpty()) {
            return true;
        }
        for (Path segment : files(dir.resolve(JOURNAL), ".bin")) {
            if (Files.size(segment) > 0) {
                return true;
            }
        }
        return false;
    }

    public static Contents read(Path dir) throws IOException {
        List<TrialRecord> records = new ArrayList<>();
        List<String> locations = new ArrayList<>();
        List<String> damage = new ArrayList<>();
        String torn = null;
        Set<String> inParts = new HashSet<>();
        for (Path part : files(dir.resolve(TRIALS), ".parquet")) {
            String name = TRIALS + "/" + part.getFileName();
            try {
                List<TrialRecord> rs = TrialTable.read(part, dir.resolve(METRICS).resolve(part.getFileName()));
                for (int i = 0; i < rs.size(); i++) {
                    records.add(rs.get(i));
                    locations.add(name + " row " + (i + 1));
                    inParts.add(rs.get(i).key());
                }
            } catch (IOException e) {
                damage.add(name + ": " + e.getMessage());
            }
        }
        for (Path segment : files(dir.resolve(JOURNAL), ".bin")) {
            Journal j = readJournal(segment);
            String name = JOURNAL + "/" + segment.getFileName();
            for (int i = 0; i < j.records.size(); i++) {
                // a trial both in a part and in the journal: the run stopped between writing the
                // part and deleting the journal segment it came from; the part is the trial
                if (!inParts.contains(j.records.get(i).key())) {
                    records.add(j.records.get(i));
                    locations.add(name + " entry " + (i + 1));
                }
            }
            if (j.torn) {
                torn = name + " entry " + (j.records.size() + 1);
            }
            j.damage.forEach(d -> damage.add(name + " " + d));
        }
        TrialsFile.Contents legacy = TrialsFile.read(dir.resolve(TrialsFile.NAME));
        for (int i = 0; i < legacy.records().size(); i++) {
            records.add(legacy.records().get(i));
            locations.add(TrialsFile.NAME + " line " + legacy.lines().get(i));
        }
        if (legacy.tornLine() > 0) {
            torn = TrialsFile.NAME + " line " + legacy.tornLine();
        }
        legacy.badLines().forEach(b -> damage.add(TrialsFile.NAME + " " + b));
        return new Contents(records, locations, torn, damage);
    }

    /**
     * Hands every readable trial to {@code each}, in the order of {@link #read}, holding one part
     * (or one old-format line) at a time: how a report reads a run too large to hold whole.
     * Unreadable parts and entries are skipped here; {@link #read} and {@link #scan} name them.
     */
    public static void forEach(Path dir, java.util.function.Consumer<TrialRecord> each) throws IOException {
        java.util.Map<String, TrialRecord> journal = new java.util.LinkedHashMap<>();
        for (Path segment : files(dir.resolve(JOURNAL), ".bin")) {
            readJournal(segment).records().forEach(r -> journal.put(r.key(), r));
        }
        // parts are decoded ahead on every core while the one before is handed over, in order
        inOrderAhead(files(dir.resolve(TRIALS), ".parquet"), part -> decode(dir, part), (part, records) -> {
            for (TrialRecord r : records) {
                journal.remove(r.key());
                each.accept(r);
            }
        }, dir);
        journal.values().forEach(each);
        TrialsFile.forEach(dir.resolve(TrialsFile.NAME), each);
    }

    /** A part's glances, or what is wrong with it. */
    private record Glanced(List<Glance> glances, String damage) {
    }

    /**
     * Works {@code work} out for each part on every core, as many parts ahead as there are cores,
     * and hands the results to {@code use} on this thread in the parts' order.
     */
    private static <T> void inOrderAhead(List<Path> parts, java.util.function.Function<Path, T> work,
            java.util.function.BiConsumer<Path, T> use, Path dir) throws IOException {
        int ahead = Math.max(1, Runtime.getRuntime().availableProcessors());
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(ahead, r -> {
            Thread t = new Thread(r, "lrlab-read");
            t.setDaemon(true);
            return t;
        });
        try {
            java.util.ArrayDeque<java.util.concurrent.Future<T>> queue = new java.util.ArrayDeque<>();
            int submitted = 0;
            for (int i = 0; i < parts.size(); i++) {
                while (submitted < parts.size() && submitted < i + ahead) {
                    Path part = parts.get(submitted++);
                    queue.add(pool.submit(() -> work.apply(part)));
                }
                use.accept(parts.get(i), queue.poll().get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + dir);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(String.valueOf(e.getCause()), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The trials not in a Parquet part: the journal of a run that stopped (less what a part already
     * holds) and the lines of an old trials.jsonl; the parts themselves are not read.
     */
    public static List<TrialRecord> unpublished(Path dir) throws IOException {
        List<TrialRecord> out = new ArrayList<>(journalNotInParts(dir));
        out.addAll(TrialsFile.read(dir.resolve(TrialsFile.NAME)).records());
        return out;
    }

    /**
     * The journal's trials that no part holds (a run stopped between publishing a part and deleting
     * its segment leaves some in both); damage in a segment is refused, naming it.
     */
    static List<TrialRecord> journalNotInParts(Path dir) throws IOException {
        List<Path> segments = files(dir.resolve(JOURNAL), ".bin");
        if (segments.isEmpty()) {
            return List.of();
        }
        Set<String> seen = new HashSet<>();
        for (Path part : files(dir.resolve(TRIALS), ".parquet")) {
            TrialTable.glance(part, part.toString()).forEach(g -> seen.add(g.key()));
        }
        List<TrialRecord> out = new ArrayList<>();
        for (Path segment : segments) {
            Journal j = readJournal(segment);
            if (!j.damage().isEmpty()) {
                throw new IOException(segment + " is damaged: " + String.join("; ", j.damage()));
            }
            j.records().stream().filter(r -> seen.add(r.key())).forEach(out::add);
        }
        return out;
    }

    /** A part's trials; a damaged part reads as none (scan and read name it). */
    private static List<TrialRecord> decode(Path dir, Path part) {
        try {
            return TrialTable.read(part, dir.resolve(METRICS).resolve(part.getFileName()));
        } catch (IOException damaged) {
            return List.of();
        }
    }

    /**
     * What a scan sees of one trial: its identity, how it ended and how long it ran, not its curves.
     *
     * @param location where it is, as {@link Contents#locations()} says
     */
    public record Glance(String key, String environment, String agent, String schedule, double learningRate,
            long seed, TrialStatus status, String reason, long steps, int episodes, java.util.Map<String, Object> params,
            String location) {

        static Glance of(TrialRecord r, String location) {
            return new Glance(r.key(), r.environment(), r.agent(), r.schedule(), r.learningRate(), r.seed(), r.status(),
                    r.reason(), r.steps(), r.returns().length, r.point(), location);
        }
    }

    /**
     * Hands a glance at every trial to {@code each}, reading from Parquet parts only the columns a
     * glance needs (not the curves or metrics); returns what {@link #read} reports besides the
     * records: where a trial is torn, what is damaged.
     */
    public static Contents scan(Path dir, java.util.function.Consumer<Glance> each) throws IOException {
        List<String> damage = new ArrayList<>();
        String torn = null;
        Set<String> journalKeys = new HashSet<>();
        List<Glance> journalGlances = new ArrayList<>();
        for (Path segment : files(dir.resolve(JOURNAL), ".bin")) {
            Journal j = readJournal(segment);
            String name = JOURNAL + "/" + segment.getFileName();
            for (int i = 0; i < j.records().size(); i++) {
                journalGlances.add(Glance.of(j.records().get(i), name + " entry " + (i + 1)));
                journalKeys.add(j.records().get(i).key());
            }
            if (j.torn()) {
                torn = name + " entry " + (j.records().size() + 1);
            }
            j.damage().forEach(d -> damage.add(name + " " + d));
        }
        // parts are glanced at ahead on every core while the one before is handed over, in order
        List<Path> parts = files(dir.resolve(TRIALS), ".parquet");
        inOrderAhead(parts, part -> {
            String name = TRIALS + "/" + part.getFileName();
            try {
                return new Glanced(TrialTable.glance(part, name), null);
            } catch (IOException e) {
                return new Glanced(List.of(), name + ": " + e.getMessage());
            }
        }, (part, glanced) -> {
            if (glanced.damage() != null) {
                damage.add(glanced.damage());
            }
            for (Glance g : glanced.glances()) {
                journalKeys.remove(g.key());
                each.accept(g);
            }
        }, dir);
        journalGlances.stream().filter(g -> journalKeys.contains(g.key())).forEach(each);
        TrialsFile.Contents legacy = TrialsFile.read(dir.resolve(TrialsFile.NAME));
        for (int i = 0; i < legacy.records().size(); i++) {
            each.accept(Glance.of(legacy.records().get(i), TrialsFile.NAME + " line " + legacy.lines().get(i)));
        }
        if (legacy.tornLine() > 0) {
            torn = TrialsFile.NAME + " line " + legacy.tornLine();
        }
        legacy.badLines().forEach(b -> damage.add(TrialsFile.NAME + " " + b));
        return new Contents(List.of(), List.of(), torn, damage);
    }

    /** The trials of one journal segment, whether its last entry is torn, and any damage before it. */
    record Journal(List<TrialRecord> records, boolean torn, List<String> damage) {
    }

    static Journal readJournal(Path segment) throws IOException {
        List<TrialRecord> records = new ArrayList<>();
        List<String> damage = new ArrayList<>();
        boolean torn = false;
        try (InputStream raw = Files.newInputStream(segment);
                DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(raw, 1 << 16))) {
            int entry = 0;
            while (true) {
                int magic;
                try {
                    magic = in.readInt();
                } catch (EOFException end) {
                    break;
                }
                entry++;
                byte[] bytes;
                int crc;
                try {
                    int length = in.readInt();
                    crc = in.readInt();
                    if (magic != ENTRY_MAGIC || length < 0 || length > 1 << 30) {
                        damage.add("entry " + entry + ": not a trial entry; the rest of the segment is skipped");
                        break;
                    }
                    bytes = in.readNBytes(length);
                    if (bytes.length < length) {
                        torn = true;
                        break;
                    }
                } catch (EOFException cut) {
                    torn = true;
                    break;
                }
                java.util.zip.CRC32 check = new java.util.zip.CRC32();
                check.update(bytes);
                if ((int) check.getValue() != crc) {
                    if (in.available() == 0) {
                        torn = true;
                    } else {
                        damage.add("entry " + entry + ": checksum does not match (skipped)");
                    }
                    continue;
                }
                try {
                    records.add(TrialTable.fromJournalEntry(bytes, segment));
                } catch (IOException e) {
                    damage.add("entry " + entry + ": " + e.getMessage());
                }
            }
        }
        return new Journal(records, torn, damage);
    }

    static List<Path> files(Path folder, String suffix) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }
}
