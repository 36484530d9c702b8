package id.berkasdesa.common;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The application's class-data archive (CDS): the classes a start loads — the window, the sign-in,
 * the store, the home screen — already parsed and verified in one file the JVM maps at start. The
 * launcher asks for it with {@code -XX:SharedArchiveFile=$APPDIR/berkas-desa.jsa
 * -XX:+VerifySharedSpaces}; on JDK 17 it must be made on the PC that uses it, for that runtime and that
 * class path, so it is made here: by the package's post-install step ({@code berkas-desa
 * class-archive}), or by the app itself in the background after a start that asked for an archive it
 * could not map (missing, or left by an earlier version).
 *
 * <p>It is a <em>static</em> archive dumped from a list of class names ({@code cds/kelas.txt}, taken
 * from a real start by {@code installer/cds-classlist.sh}), in a child JVM: no code of the app runs to
 * make it. A static archive, unlike JDK 17's dynamic one, is refused whole when it is cut short (a
 * dynamic one crashes the JVM), and {@code -XX:+VerifySharedSpaces} refuses one whose bytes changed.
 * A refused, stale or missing archive only costs the start its speed: the JVM then loads the classes
 * from the jars, as without one. It is written whole or not at all (a temporary name, forced, renamed).
 */
public final class ClassArchive {

    private static final String LIST = "/cds/kelas.txt";

    private ClassArchive() {
    }

    /** The archive this JVM was started with ({@code -XX:SharedArchiveFile}) and whether it is mapped. */
    public record State(Path file, boolean mapped) {
    }

    /** Empty when the JVM was started without {@code -XX:SharedArchiveFile}. */
    public static Optional<State> state() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            String file = vm.getVMOption("SharedArchiveFile").getValue();
            if (file == null || file.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(new State(Path.of(file), Boolean.parseBoolean(vm.getVMOption("UseSharedSpaces").getValue())));
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty(); // another JVM than HotSpot, or a runtime without jdk.management: no archive
        }
    }

    /**
     * Makes {@code archive} for this JVM's runtime and class path, replacing what is there. Takes some
     * ten seconds of one core.
     *
     * @throws IOException when the child JVM failed or the folder cannot be written (the archive is
     *     then as it was)
     */
    public static void make(Path archive) throws IOException {
        Path target = archive.toAbsolutePath();
        Path list = Files.createTempFile("berkas-desa-kelas", ".txt");
        Path temp = target.resolveSibling(target.getFileName() + ".baru");
        try {
            try (InputStream in = ClassArchive.class.getResourceAsStream(LIST)) {
                if (in == null) {
                    throw new IOException("no class list " + LIST);
                }
                Files.copy(in, list, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Files.deleteIfExists(temp);
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xshare:dump", "-XX:SharedClassListFile=" + list, "-XX:SharedArchiveFile=" + temp,
                    "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
            // the same module options as the runs that will map it; the class path last, as given
            for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                if (option.startsWith("--add-") || option.startsWith("-Dfile.encoding=")) {
                    command.add(option);
                }
            }
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            Process dump = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!dump.waitFor(10, TimeUnit.MINUTES)) {
                dump.destroyForcibly();
                throw new IOException("the class dump did not end");
            }
            if (dump.exitValue() != 0 || !Files.isRegularFile(temp) || Files.size(temp) == 0) {
                throw new IOException("the class dump failed: exit " + dump.exitValue());
            }
            try (FileChannel written = FileChannel.open(temp, StandardOpenOption.READ)) {
                written.force(true);
            }
            AtomicFile.rename(temp, target, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(list);
            Files.deleteIfExists(temp);
        }
    }

    /**
     * After a start that asked for an archive it could not map: makes it on a low-priority thread once
     * {@code delayMillis} have passed (the sign-in first), when its folder can be written. Once per class
     * path and runtime: a fingerprint beside the archive records the last attempt, so an archive this
     * JVM refuses for a reason a new one would not cure is not made again at every start. Every failure
     * is ignored: the next start loads its classes from the jars, as it did this time.
     */
    public static void refreshLater(long delayMillis) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(delayMillis);
                Optional<State> s = state();
                if (s.isEmpty() || s.get().mapped()) {
                    return;
                }
                Path archive = s.get().file().toAbsolutePath();
                Path made = archive.resolveSibling(archive.getFileName() + ".dibuat");
                String fingerprint = fingerprint();
                if (!Files.isWritable(archive.getParent())
                        || Files.isRegularFile(made) && Files.readString(made).equals(fingerprint)) {
                    return;
                }
                try {
                    make(archive);
                } finally { // made or refused: not again for this class path (a JVM that ended meanwhile writes nothing)
                    AtomicFile.write(made, out -> out.write(fingerprint.getBytes(StandardCharsets.UTF_8)));
                }
            } catch (IOException | RuntimeException e) {
                // the next start loads its classes from the jars
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "class-archive");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** The runtime and every class path entry with its size and time: what the JVM checks an archive by. */
    static String fingerprint() throws IOException {
        StringBuilder b = new StringBuilder(System.getProperty("java.vm.version")).append('\n')
                .append(System.getProperty("java.home")).append('\n');
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path p = Path.of(entry);
            b.append(entry);
            if (Files.isRegularFile(p)) {
                b.append(' ').append(Files.size(p)).append(' ').append(Files.getLastModifiedTime(p).toMillis());
            }
            b.append('\n');
        }
        return b.toString();
    }
}
