package id.berkasdesa.common;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.Set;

/**
 * A file written whole or not at all: to a temporary name beside it, forced to disk, then renamed,
 * and the folder forced too, so a full stick or a power cut never leaves half a PDF under the name
 * and a rename that was reported survives. What fails leaves no temporary file behind.
 */
public final class AtomicFile {

    /** What writes the content. */
    @FunctionalInterface
    public interface Content {
        void write(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    public static void write(Path target, Content content) throws IOException {
        write(target, content, new FileAttribute<?>[0]);
    }

    /** The same, for a secret (a key file): readable by its owner only from the first byte. */
    public static void writePrivate(Path target, Content content) throws IOException {
        write(target, content, FilePermissions.ownerOnlyFile());
        FilePermissions.ownerOnly(target);
    }

    private static void write(Path target, Content content, FileAttribute<?>[] attributes) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Files.deleteIfExists(temp);
            try (FileChannel channel = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), attributes); OutputStream out = Channels.newOutputStream(channel)) {
                content.write(out);
                out.flush();
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        forceFolder(target.toAbsolutePath().getParent());
    }

    /**
     * Puts a file that is already whole on disk (written and forced by its caller) under its final
     * name in one rename, then forces the folder. {@code replace}: an existing file of that name is
     * replaced; otherwise the rename fails on it ({@link java.nio.file.FileAlreadyExistsException}).
     * A file system that cannot rename atomically (some sticks) gets a plain rename.
     */
    public static void rename(Path temp, Path target, boolean replace) throws IOException {
        StandardCopyOption[] options = replace
                ? new StandardCopyOption[] {StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE}
                : new StandardCopyOption[] {StandardCopyOption.ATOMIC_MOVE};
        try {
            Files.move(temp, target, options);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            if (replace) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(temp, target);
            }
        }
        forceFolder(target.toAbsolutePath().getParent());
    }

    /** A copy of {@code from} under {@code target}, whole or not at all (see {@link #write}). */
    public static void copy(Path from, Path target) throws IOException {
        write(target, out -> Files.copy(from, out));
    }

    /** Forces a folder's entries (a rename in it) to disk; where the system cannot (Windows), nothing. */
    public static void forceFolder(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows opens no folder as a channel; NTFS journals the rename itself
        }
    }
}
