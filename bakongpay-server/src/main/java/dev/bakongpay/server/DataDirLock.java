package dev.bakongpay.server;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on {@code <data dir>/bakongpay.lock}, held while the server runs. Taken before
 * anything opens the embedded H2 file, the simulator's state or the sandbox keys, so that a second
 * server on the same folder stops with one line instead of H2's "Database may be already in use"
 * trace, and leaves nothing (no {@code .trace.db}) in the running server's folder. The operating
 * system releases it when the process dies, so a killed server never leaves a stale lock.
 */
final class DataDirLock implements AutoCloseable {
    static final String FILE = "bakongpay.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock, or empty when another process (or another server in this JVM) holds it. */
    static java.util.Optional<DataDirLock> tryAcquire(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        FileChannel channel =
                FileChannel.open(dataDir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new DataDirLock(channel, lock));
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
