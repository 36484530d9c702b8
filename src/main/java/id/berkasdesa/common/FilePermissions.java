package id.berkasdesa.common;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Who may read what the app keeps: the data folder {@code 0700}, key files and other secrets
 * {@code 0600}, where the file system knows POSIX permissions. On Windows the data folder lies in the
 * user's own profile ({@code %LOCALAPPDATA%}), whose access list already keeps other users out; nothing
 * is changed there.
 */
public final class FilePermissions {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");

    private FilePermissions() {
    }

    /** Read and write for the owner only. */
    public static void ownerOnly(Path file) throws IOException {
        if (POSIX && Files.exists(file)) {
            Files.setPosixFilePermissions(file, Files.isDirectory(file) ? FOLDER : FILE);
        }
    }

    /** The attribute to create a file with that only its owner may read (none where POSIX is unknown). */
    public static FileAttribute<?>[] ownerOnlyFile() {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
    }

    /** Creates {@code dir} (and its parents) if needed, and makes it the owner's alone. */
    public static Path ownerOnlyFolder(Path dir) throws IOException {
        Files.createDirectories(dir);
        ownerOnly(dir);
        return dir;
    }
}
