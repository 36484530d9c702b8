package id.berkasdesa.app;

import id.berkasdesa.backup.ui.RestoreDialog;
import id.berkasdesa.wiring.Wiring;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The window's store for a restore: closed before it, its sign-in shown after it (the app and the UI tests alike). */
final class StoreControl implements RestoreDialog.Store {

    private final Path dataDir;
    private final Supplier<AppContext> current;
    private final Consumer<AppContext> replace;
    private final Runnable showSignIn;

    StoreControl(Path dataDir, Supplier<AppContext> current, Consumer<AppContext> replace, Runnable showSignIn) {
        this.dataDir = dataDir;
        this.current = current;
        this.replace = replace;
        this.showSignIn = showSignIn;
    }

    @Override
    public Path dataDir() {
        return dataDir;
    }

    @Override
    public Optional<String> village() {
        AppContext c = current.get();
        return c == null ? Wiring.lockedVillage(dataDir)
                : c.profile().filter(p -> !p.sample()).map(id.berkasdesa.village.VillageProfile::nameAndOffice);
    }

    @Override
    public void close() {
        AppContext c = current.get();
        replace.accept(null);
        if (c != null) {
            c.close();
        }
    }

    /** A store opened in the window's place (a sample office set aside, the folder new again). */
    void opened(AppContext c) {
        replace.accept(c);
    }

    @Override
    public void reopen() {
        showSignIn.run();
    }

    @Override
    public String recover(String code, char[] password) {
        try (AppContext c = AppContext.unlockWithRecovery(dataDir, Clock.systemDefaultZone(), code)) {
            return c.accounts().recover(code, password);
        }
    }

    /** The status bar's "where": the data folder, or the office's database server. */
    static String where(id.berkasdesa.common.Messages messages, java.nio.file.Path dataDir) {
        return id.berkasdesa.wiring.Wiring.serverName().map(s -> messages.get("app.server", s))
                .orElseGet(() -> messages.get("app.dataDir", dataDir.toString()));
    }
}
