package id.berkasdesa.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.berkasdesa.exchange.Progress;
import id.berkasdesa.wiring.Wiring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What can go wrong while a backup is written or restored, on real files: nothing under a backup's name, nothing changed. */
class BackupServiceTest {

    @TempDir
    static Path shared;
    static Path store;

    @BeforeAll
    static void aVillage() throws Exception {
        store = shared.resolve("desa");
        BackupStores.make(store, shared.resolve("scans"), 6, 300);
    }

    private static long backupsIn(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }

    @Test
    void aStickPulledDuringTheBackupLeavesNoBackupAndSaysWhy() throws Exception {
        Path stick = java.nio.file.Files.createDirectories(shared.resolve("dicabut"));
        AtomicBoolean pulled = new AtomicBoolean();
        try (Wiring w = BackupStores.signedIn(store)) {
            var lastBefore = w.backups().last();
            Progress progress = new Progress(p -> {
                if (p > 0.1 && pulled.compareAndSet(false, true)) {
                    try (Stream<Path> files = Files.list(stick)) {
                        for (Path f : (Iterable<Path>) files::iterator) {
                            Files.delete(f); // what the stick shows after it is pulled and put back
                        }
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }
            });
            assertThatThrownBy(() -> w.backups().create(stick, 5, progress))
                    .isInstanceOfSatisfying(BackupException.class, e -> assertThat(e.key()).isEqualTo("backup.error.readBack"));
            assertThat(pulled).isTrue();
            assertThat(backupsIn(stick)).isZero();
            assertThat(w.backups().last()).isEqualTo(lastBefore);
        }
    }

    @Test
    void aDamagedDocumentInTheStoreFailsTheTrialRestoreAndLeavesNoBackup() throws Exception {
        Path copy = shared.resolve("rusak");
        copyTree(store, copy);
        Path doc;
        try (Stream<Path> files = Files.walk(copy.resolve("dokumen-terenkripsi"))) {
            doc = files.filter(Files::isRegularFile).filter(p -> !p.getParent().getFileName().toString().equals("tmp")).findFirst().orElseThrow();
        }
        byte[] b = Files.readAllBytes(doc);
        b[b.length / 2] ^= 0x10;
        Files.write(doc, b);
        Path stick = java.nio.file.Files.createDirectories(shared.resolve("stick-rusak"));
        try (Wiring w = BackupStores.signedIn(copy)) {
            assertThatThrownBy(() -> w.backups().create(stick, 5, Progress.none()))
                    .isInstanceOfSatisfying(BackupException.class, e -> {
                        assertThat(e.key()).isEqualTo("backup.error.check");
                        assertThat(e.args()).containsExactly("check.problem.damaged");
                    });
            assertThat(backupsIn(stick)).isZero();
            StoreCheck.Report r = w.backups().check(Progress.none());
            assertThat(r.ok()).isFalse();
            assertThat(r.problems()).extracting(f -> f.key()).containsExactly("check.problem.damaged");
        }
    }

    @Test
    void aDiskTooSmallForTheRestoreIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path stick = java.nio.file.Files.createDirectories(shared.resolve("stick-penuh"));
        Path file;
        try (Wiring w = BackupStores.signedIn(store)) {
            BackupService.Result r = w.backups().create(stick, 5, Progress.none());
            file = r.file();
            assertThat(w.backups().last()).get().extracting(BackupService.Last::file).isEqualTo(file.getFileName().toString());
            assertThat(w.backups().due()).isFalse();
        }
        Path newPc = shared.resolve("pc-penuh");
        assertThatThrownBy(() -> Restore.run(file, newPc, new Restore.Password(BackupStores.ADMIN, BackupStores.PASSWORD),
                new Restore.Options(false, false), Progress.none(), () -> 5L * 1024 * 1024))
                .isInstanceOfSatisfying(BackupException.class, e -> {
                    assertThat(e.key()).isEqualTo("backup.error.space");
                    assertThat(e.message(id.berkasdesa.common.Messages.indonesian())).contains("MB", "Kosongkan");
                });
        assertThat(newPc.resolve("pulihan")).doesNotExist();
        assertThat(newPc.resolve("kunci.json")).doesNotExist();
        // with the room it needs, the same file restores
        Restore.Result ok = Restore.run(file, newPc, new Restore.Password(BackupStores.ADMIN, BackupStores.PASSWORD),
                new Restore.Options(false, false), Progress.none());
        assertThat(ok.checked().households()).isEqualTo(6);
        assertThat(ok.checked().documents()).isEqualTo(3);
    }

    static void copyTree(Path from, Path to) throws Exception {
        id.berkasdesa.document.TestFiles.copyTree(from, to);
    }
}
