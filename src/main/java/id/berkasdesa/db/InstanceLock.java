package id.berkasdesa.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One running app per data folder. The operating system holds the lock and drops it when the
 * process ends, however it ends, so a lock left by a power cut or a crash never blocks the next start.
 */
final class InstanceLock implements AutoCloseable {

    static final String FILE = "berkas-desa.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static InstanceLock acquire(Path dataDir) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(dataDir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw inUse(channel, dataDir, null);
            }
            return new InstanceLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            throw inUse(channel, dataDir, e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException("store.error.folder", e, dataDir.toString());
        }
    }

    private static StoreException inUse(FileChannel channel, Path dataDir, Throwable cause) {
        closeQuietly(channel);
        return new StoreException("store.error.inUse", cause, dataDir.toString());
    }

    static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // the channel close below releases it too
        }
        closeQuietly(channel);
    }
}
