package dev.lrlab.reports.results;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code trials.jsonl}: one JSON trial record per line. Only a last line without its newline
 * is a torn write (the process died mid-line; every record is written with its newline at once),
 * reported as such so that its trial can be redone; any other line that is not a record, the last
 * one included, is damage in the file.
 */
public final class TrialsFile {

    /** The file name inside a run directory. */
    public static final String NAME = "trials.jsonl";

    /**
     * What a read found.
     *
     * @param records the valid records, in file order
     * @param lines the 1-based line number of each record
     * @param tornLine the 1-based number of a torn last line, or 0
     * @param validBytes length of the file up to the end of the last valid line
     * @param badLines messages for invalid lines, with their line numbers
     */
    public record Contents(List<TrialRecord> records, List<Integer> lines, int tornLine, long validBytes,
            List<String> badLines) {
    }

    private TrialsFile() {
    }

    /** Reads a trials file; a missing file reads as empty. */
    public static Contents read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new Contents(List.of(), List.of(), 0, 0, List.of());
        }
        byte[] bytes = Files.readAllBytes(file);
        Gson gson = ResultsJson.compact();
        List<TrialRecord> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        int line = 0;
        int start = 0;
        long validBytes = 0;
        int torn = 0;
        while (start < bytes.length) {
            line++;
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            boolean complete = end < bytes.length;
            String text = new String(bytes, start, end - start, StandardCharsets.UTF_8);
            TrialRecord record = text.isBlank() ? null : parse(gson, text);
            if (text.isBlank() && complete) {
                validBytes = end + 1;
            } else if (record != null && complete) {
                records.add(record);
                lines.add(line);
                validBytes = end + 1;
            } else if (!complete) {
                torn = line;
            } else {
                bad.add("line " + line + ": not a trial record: " + abbreviate(text));
            }
            start = end + 1;
        }
        return new Contents(records, lines, torn, validBytes, bad);
    }

    /**
     * Hands every valid record to {@code each}, one line at a time (a report of a large old run need
     * not hold it whole); torn and invalid lines are skipped, as {@link #read} reports them.
     */
    public static void forEach(Path file, java.util.function.Consumer<TrialRecord> each) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        Gson gson = ResultsJson.compact();
        boolean lastLineWhole;
        try (var channel = Files.newByteChannel(file)) {
            long size = channel.size();
            java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(1);
            lastLineWhole = size == 0 || channel.position(size - 1).read(last) == 1 && last.get(0) == '\n';
        }
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            while (line != null) {
                String next = in.readLine();
                // a last line without its newline is a torn write, as read() counts it
                TrialRecord r = line.isBlank() || (next == null && !lastLineWhole) ? null : parse(gson, line);
                if (r != null) {
                    each.accept(r);
                }
                line = next;
            }
        }
    }

    private static TrialRecord parse(Gson gson, String text) {
        try {
            TrialRecord r = gson.fromJson(text, TrialRecord.class);
            return r == null || r.key() == null || r.status() == null || r.returns() == null ? null : r;
        } catch (JsonParseException | IllegalStateException | NumberFormatException e) {
            return null;
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
