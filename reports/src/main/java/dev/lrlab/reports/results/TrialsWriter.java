package dev.lrlab.reports.results;

import com.google.gson.Gson;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends trial records to {@code trials.jsonl}, one line each, flushed as soon as written so that
 * a crash loses only the trials still running. Safe to call from several threads.
 */
public final class TrialsWriter implements Closeable {

    private final BufferedWriter out;
    private final Gson gson = ResultsJson.compact();

    private TrialsWriter(BufferedWriter out) {
        this.out = out;
    }

    /** Opens the file for appending, first cutting off a torn last line at {@code validBytes}. */
    public static TrialsWriter append(Path file, long validBytes) throws IOException {
        if (Files.exists(file) && Files.size(file) > validBytes) {
            try (var channel = Files.newByteChannel(file, StandardOpenOption.WRITE)) {
                channel.truncate(validBytes);
            }
        }
        return new TrialsWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE));
    }

    /** Writes one record as one line and flushes it. */
    public void write(TrialRecord record) throws IOException {
        // serialise outside the lock, so that workers wait only for the write itself
        String line = gson.toJson(record) + "\n";
        synchronized (this) {
            out.write(line);
            out.flush();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
