package id.berkasdesa.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * One window per data folder, from the first frame on: the window takes this lock before anything
 * else (before the sign-in, before the store opens), so a second start — an operator double-clicking
 * again during a slow first start — finds it held, says "Berkas Desa sudah terbuka" and asks the first
 * window to come to the front ({@link #askToFront}), instead of reaching the store and failing there.
 * A command run while the window is open finds it held too. The operating system drops the lock when
 * the process ends, however it ends.
 */
public final class WindowLock implements AutoCloseable {

    static final String FILE = "berkas-desa-jendela.lock";
    /** Written by a second start: the first window watches for it and comes to the front. */
    static final String FRONT = "berkas-desa-jendela.depan";

    /**
     * The folders whose lock this JVM holds: asked again, the answer comes from here, never from a
     * second channel — on POSIX systems closing any channel of the file drops every lock the process has on it.
     */
    private static final java.util.Set<Path> HELD = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final FileChannel channel;
    private final FileLock lock;
    private final Path dataDir;
    private volatile WatchService watch;

    private WindowLock(Path dataDir, FileChannel channel, FileLock lock) {
        this.dataDir = dataDir;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock of {@code dataDir}'s window, or empty when another window has it. */
    public static Optional<WindowLock> claim(Path dataDir) {
        Path key = dataDir.toAbsolutePath().normalize();
        if (HELD.contains(key)) {
            return Optional.empty();
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(dataDir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                return Optional.empty();
            }
            HELD.add(key);
            return Optional.of(new WindowLock(key, channel, lock));
        } catch (OverlappingFileLockException e) {
            InstanceLock.closeQuietly(channel);
            return Optional.empty();
        } catch (IOException e) {
            InstanceLock.closeQuietly(channel);
            throw new StoreException("store.error.folder", e, dataDir.toString());
        }
    }

    /** Whether a window has {@code dataDir} open now (a command checks this before it opens the store). */
    public static boolean windowOpen(Path dataDir) {
        if (!Files.isDirectory(dataDir) || !Files.exists(dataDir.resolve(FILE))) {
            return false;
        }
        Optional<WindowLock> mine = claim(dataDir);
        mine.ifPresent(WindowLock::close);
        return mine.isEmpty();
    }

    /** A second start: asks the window that holds the lock to come to the front. */
    public static void askToFront(Path dataDir) {
        try {
            Files.writeString(dataDir.resolve(FRONT), Long.toString(System.currentTimeMillis()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            LoggerFactory.getLogger(WindowLock.class).warn("could not ask the open window to the front: {}",
                    e.getClass().getSimpleName());
        }
    }

    /** Runs {@code toFront} (on a watcher thread: the caller hands it to the JavaFX thread) each time a second start asks. */
    public void onAskedToFront(Runnable toFront) {
        try {
            WatchService w = dataDir.getFileSystem().newWatchService();
            dataDir.register(w, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            watch = w;
            Thread t = new Thread(() -> {
                try {
                    while (true) {
                        WatchKey key = w.take();
                        boolean asked = key.pollEvents().stream()
                                .anyMatch(ev -> ev.context() instanceof Path p && p.toString().equals(FRONT));
                        key.reset();
                        if (asked) {
                            toFront.run();
                        }
                    }
                } catch (InterruptedException | ClosedWatchServiceException e) {
                    // the window is closing
                }
            }, "window-front");
            t.setDaemon(true);
            t.start();
        } catch (IOException e) {
            LoggerFactory.getLogger(WindowLock.class).warn("a second start cannot bring this window to the front: {}",
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        HELD.remove(dataDir);
        try {
            if (watch != null) {
                watch.close();
            }
            lock.release();
        } catch (IOException ignored) {
            // the channel close below releases it too
        }
        InstanceLock.closeQuietly(channel);
    }
}
