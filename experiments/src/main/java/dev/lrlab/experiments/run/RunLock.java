package dev.lrlab.experiments.run;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The exclusive hold of one run on its directory, so that two runs never write into the same
 * results: an OS lock on {@code .lrlab.lock}, which names its holder (pid, host, since
 * when). The OS drops the lock when its holder dies, so a lock left by a killed run never blocks
 * the run that resumes it.
 */
public final class RunLock implements AutoCloseable {

    /** The lock file's name inside a run directory. */
    public static final String NAME = ".lrlab.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the directory, or says who holds it. */
    public static RunLock acquire(Path dir) throws RunDirectoryException {
        Path file = dir.resolve(NAME);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new RunDirectoryException("cannot create the lock file " + file + ": " + e.getMessage());
        }
        FileLock lock = null;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this very process
        } catch (IOException e) {
            close(channel);
            throw new RunDirectoryException("cannot lock " + file + ": " + e.getMessage());
        }
        if (lock == null) {
            String holder = holder(file);
            close(channel);
            throw new RunDirectoryException(dir + " is in use by another lrlab run (" + holder + "); wait for it to "
                    + "finish, stop it, or give this run another --out");
        }
        try {
            String me = "pid " + ProcessHandle.current().pid() + " on " + host() + ", since " + Instant.now();
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((me + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
        } catch (IOException e) {
            // the lock holds even if its note cannot be written (a full disk): go on without the note
        }
        return new RunLock(channel, lock);
    }

    private static String holder(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).trim();
            return text.isEmpty() ? "holder unknown" : text;
        } catch (IOException e) {
            return "holder unknown";
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return ManagementFactory.getRuntimeMXBean().getName();
        }
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing was written through it
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // released when the channel closes anyway
        }
        close(channel);
    }
}
