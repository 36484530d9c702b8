package id.berkasdesa.app;

import id.berkasdesa.account.AccountService;
import id.berkasdesa.account.ui.PasswordDialog;
import id.berkasdesa.account.ui.RecoverDialog;
import id.berkasdesa.account.ui.SignInView;
import id.berkasdesa.account.ui.SignInViewModel;
import id.berkasdesa.backup.ui.BackupDialog;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.Role;
import id.berkasdesa.common.Session;
import id.berkasdesa.common.Trace;
import id.berkasdesa.common.ui.BackgroundTasks;
import id.berkasdesa.common.ui.DialogService;
import id.berkasdesa.dinas.ui.DinasSetupView;
import id.berkasdesa.request.SampleRequests;
import id.berkasdesa.village.SampleVillage;
import id.berkasdesa.village.VillageProfile;
import id.berkasdesa.village.ui.SetupView;
import id.berkasdesa.village.ui.SetupViewModel;
import id.berkasdesa.wilayah.Wilayah;
import id.berkasdesa.wiring.Wiring;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Who is at the window: the first Administrator or the sign-in before any data, the sign-in that
 * opens an encrypted store, the lock (by hand or after the idle minutes) that keeps the page for the
 * same person, switching user, signing out, the setup of a new village and leaving the sample one.
 */
final class SessionFlow {

    private static final int SAMPLE_REQUESTS = 40;
    /** One "minute" of the idle setting; a test makes it a second so that the lock can be watched. */
    static Duration idleUnit = Duration.minutes(1);

    private final MainWindow w;
    private final Messages messages;
    private final BackgroundTasks runner;
    private final DialogService dialogs;
    private boolean lockedNow;
    /** Read when the sign-in is decided (not on every page change: a page can change after the store closed). */
    private boolean accountsExist;
    private List<Node> keptWhileLocked = List.of();
    private PauseTransition idle;

    SessionFlow(MainWindow w, Messages messages, BackgroundTasks runner, DialogService dialogs) {
        this.w = w;
        this.messages = messages;
        this.runner = runner;
        this.dialogs = dialogs;
    }

    boolean lockedNow() {
        return lockedNow;
    }

    /**
     * Before any personal data: a store with accounts asks who signs in; one without (made before
     * accounts, or just set up) asks for its first Administrator. The sample village has only
     * invented data and needs neither.
     */
    void signIn(Runnable then) {
        AppContext ctx = w.ctx;
        VillageProfile p = ctx.profile().orElseThrow();
        accountsExist = ctx.accounts().anyAccount();
        if (p.sample() || (ctx.session().signedIn() && accountsExist)) {
            locked(false);
            then.run();
            return;
        }
        boolean first = !accountsExist;
        locked(true);
        SignInViewModel vm = new SignInViewModel(ctx.accounts(), messages, runner,
                first ? SignInViewModel.Mode.FIRST_ADMINISTRATOR : SignInViewModel.Mode.SIGN_IN);
        if (first) {
            vm.name.set(p.namaOperator());
        }
        SignInView view = new SignInView(vm, messages, this::recover).onSignedIn(in -> {
            if (in.mustChange()) {
                PasswordDialog.choose(ctx.accounts(), messages, dialogs, runner, true);
            }
            locked(false);
            then.run();
        }).onCreated(code -> {
            accountsExist = true;
            SignInView.showRecoveryCode(messages, dialogs, code, messages.get("app.village", p.namaDesa(), p.namaKantor()),
                    ctx.session().operator());
            locked(false);
            then.run();
        });
        w.villageLabel.setText(messages.get("app.village", p.namaDesa(), p.namaKantor()));
        w.operatorLabel.setText("");
        w.pages.show(view.view());
    }

    /**
     * An encrypted store whose key only a password opens: the sign-in comes first, and the store
     * opens (on the worker) with the name and password typed, then signs them in. "Lupa kata sandi"
     * opens it with the recovery code. {@code opened} is told of the store once it is open. The key
     * file names whose store it is; a Dinas Sosial's shows none of the village's menus meanwhile.
     */
    void lockedStore(Path dataDir, id.berkasdesa.keys.KeyRing.Named locked, Consumer<AppContext> opened) {
        Optional<String> village = locked.name();
        Clock clock = Clock.systemDefaultZone();
        AppContext[] holder = new AppContext[1];
        SignInViewModel.Door door = new SignInViewModel.Door() {
            @Override
            public AccountService.SignedIn signIn(String name, char[] password) {
                Wiring.stopWarmUp();
                AppContext c = holder[0] != null ? holder[0] : AppContext.unlock(dataDir, clock, name, password);
                if (holder[0] == null) {
                    holder[0] = c;
                    opened.accept(c); // open now: closed on the way out even if the sign-in itself is refused
                    // the pages built on the idle FX thread while this worker checks the password and the
                    // home screen's numbers are read: Enter then costs their showing, not their building
                    javafx.application.Platform.runLater(() -> w.prepare(c));
                }
                AccountService.SignedIn in = c.accounts().signIn(name, password);
                Trace.mark("signin-verified");
                c.startData(); // read beside the password's check
                return in;
            }

            @Override
            public String createFirstAdministrator(String name, char[] password) {
                throw new IllegalStateException("a locked store has its Administrator");
            }
        };
        SignInViewModel vm = new SignInViewModel(door, messages, runner, SignInViewModel.Mode.SIGN_IN);
        SignInView view = new SignInView(vm, messages, () -> RecoverDialog.show((code, password) -> {
            AppContext c = holder[0] != null ? holder[0] : AppContext.unlockWithRecovery(dataDir, clock, code);
            if (holder[0] == null) {
                holder[0] = c;
                opened.accept(c);
            }
            return c.accounts().recover(code, password);
        }, messages, dialogs, runner).ifPresent(admin -> {
            dialogs.info(messages.get("signin.recover.title"), messages.get("signin.recover.done", admin));
            w.opened(holder[0], dataDir); // open now: the sign-in that follows is the store's own
        })).onSignedIn(in -> {
            if (in.mustChange()) {
                PasswordDialog.choose(holder[0].accounts(), messages, dialogs, runner, true);
            }
            Trace.mark("signin-fx");
            w.opened(holder[0], dataDir);
        });
        w.dataDirLabel.setText(StoreControl.where(messages, dataDir));
        // the key file names the village "Desa — Kantor" (as a backup's manifest does): shown as the header shows it everywhere
        w.villageLabel.setText(village.map(v -> v.contains(" — ") ? messages.get("app.village", v.substring(0, v.indexOf(" — ")),
                v.substring(v.indexOf(" — ") + 3)) : v).orElse(""));
        w.operatorLabel.setText("");
        w.menus.lockedStore(locked.district());
        w.backupLabel.setText("");
        w.navBar.setVisible(false);
        w.pages.show(view.view());
        // the start-up figure once the pulse that lays the form out has run (before it, the whole
        // window's first styling pass, some 0.6-1.3 s on two cores, was left out of it). The warm-up
        // from then on, while the password is typed: started with the form, it took one of two cores
        // from that styling pass (the form came 0.2-0.4 s later); not once a sign-in typed ahead is under way
        id.berkasdesa.common.ui.Pulses.afterLayout(view.view(), () -> {
            Trace.mark("signin-shown");
            if (!vm.busy().get()) {
                Wiring.warmUp();
            }
        });
    }

    private void recover() {
        RecoverDialog.show(w.ctx.accounts(), messages, dialogs, runner).ifPresent(admin ->
                dialogs.info(messages.get("signin.recover.title"), messages.get("signin.recover.done", admin)));
    }

    /** While nobody is signed in: no menu, no page button, nothing that shows data. */
    void locked(boolean locked) {
        AppContext ctx = w.ctx;
        w.navBar.setVisible(!locked && ctx.profile().isPresent());
        Session who = ctx.session();
        w.menus.signedIn(locked, who, accountsExist);
        // a Pemeriksa looks: forms read-only from the start, not refused at the save
        w.households.readOnly(who.signedIn() && !who.may("household.save"));
        lockedNow = locked;
        showBackupStatus();
    }

    /** The status bar: when the last verified backup was made, amber once it is due. */
    void showBackupStatus() {
        AppContext ctx = w.ctx;
        if (ctx == null || lockedNow || ctx.profile().isEmpty() || ctx.profile().get().sample()) {
            w.backupLabel.setText("");
            return;
        }
        runner.run("", p -> ctx.backups().status(), status -> {
            w.backupLabel.setText(BackupDialog.lastText(status, messages));
            w.backupLabel.getStyleClass().setAll(status.due() ? "backup-due" : "text-muted");
        }, e -> w.backupLabel.setText(""));
    }

    /**
     * Locks the window (Ctrl+Shift+L, or after the idle minutes): the page is kept as it is, hidden behind
     * the sign-in; the same user unlocks and finds their work; another user signs in instead.
     */
    void switchUser() {
        AppContext ctx = w.ctx;
        if (lockedNow || ctx.profile().isEmpty() || !accountsExist || !ctx.session().signedIn()) {
            return;
        }
        String me = ctx.session().operator();
        keptWhileLocked = w.pages.onScreen();
        locked(true);
        SignInViewModel vm = new SignInViewModel(ctx.accounts(), messages, runner, SignInViewModel.Mode.UNLOCK);
        vm.name.set(me);
        SignInView view = new SignInView(vm, messages, this::recover).onSignedIn(in -> {
            if (in.mustChange()) {
                PasswordDialog.choose(ctx.accounts(), messages, dialogs, runner, true);
            }
            locked(false);
            if (in.session().operator().equalsIgnoreCase(me)) {
                w.pages.restore(keptWhileLocked); // the same person: the work as it was
                frame();
            } else {
                w.showHome(); // someone else: they start on the home screen
            }
            keptWhileLocked = List.of();
        });
        w.operatorLabel.setText("");
        w.pages.show(view.view());
    }

    /**
     * Keluar dari akun: nobody acts any more; the page is closed (unsaved typing asks first, as
     * leaving any page does) and the sign-in screen waits for the next person.
     */
    void signOut() {
        if (lockedNow || !accountsExist || !w.ctx.session().signedIn()) {
            return;
        }
        w.ctx.accounts().signOut();
        keptWhileLocked = List.of();
        signIn(w::showHome);
    }

    /** After the idle minutes without a key or a click, the window locks itself. */
    private void watchIdle() {
        if (idle != null || w.view().getScene() == null) {
            return;
        }
        idle = new PauseTransition(idleUnit.multiply(w.ctx.accounts().lockMinutes()));
        idle.setOnFinished(e -> switchUser());
        EventHandler<Event> touched = e -> idle.playFromStart();
        w.view().getScene().addEventFilter(KeyEvent.ANY, touched);
        w.view().getScene().addEventFilter(MouseEvent.MOUSE_PRESSED, touched);
        w.view().getScene().addEventFilter(MouseEvent.MOUSE_MOVED, touched);
        w.view().getScene().addEventFilter(ScrollEvent.ANY, touched);
        idle.playFromStart();
    }

    /** Berkas > Kunci layar otomatis (Administrator): the idle minutes before the window locks. */
    void lockSettings() {
        TextField minutes = new TextField(String.valueOf(w.ctx.accounts().lockMinutes()));
        minutes.setId("lockMinutesField");
        minutes.setPrefColumnCount(5);
        Label text = new Label(messages.get("lock.settings.text", AccountService.MAX_LOCK_MINUTES));
        text.setWrapText(true);
        text.setLabelFor(minutes);
        Label problem = new Label();
        problem.setId("lockMinutesProblem");
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        VBox box = new VBox(6, text, minutes, problem);
        box.setPrefWidth(440);
        dialogs.<Integer>form(messages.get("lock.settings.title"), box, minutes, () -> {
            try {
                int m = Integer.parseInt(minutes.getText().strip());
                return m >= 1 && m <= AccountService.MAX_LOCK_MINUTES ? Optional.of(m) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }, () -> problem.setText(messages.get("account.lock.range", AccountService.MAX_LOCK_MINUTES))).ifPresent(m -> {
            w.ctx.accounts().lockMinutes(m);
            if (idle != null) {
                idle.setDuration(idleUnit.multiply(m));
                idle.playFromStart();
            }
        });
    }

    /** Signed in (or no accounts yet): the home screen, and the start-up checks. */
    void enter() {
        frame();
        w.pages.select(w.navHome);
        w.requests.showDashboard(w.ctx.initialDashboard);
        // a day has passed, or a letter expired, since the last start: the rules say so now, once
        // the home screen is up (it shows the stored numbers, and refreshes if anything changed)
        PauseTransition settle = new PauseTransition(Duration.millis(800));
        settle.setOnFinished(e -> {
            // the document files' check too; one worker task at a time, so it never meets an attach half-way
            runner.run("", p -> {
                w.ctx.sweep();
                w.ctx.warmLists();
                return null;
            }, x -> { }, x -> { });
            w.requests.reevaluateAtStart();
        });
        settle.play();
        if (accountsExist) {
            watchIdle();
        }
    }

    /** A new data folder: the village's setup (or the sample village), then the first Administrator. */
    void showSetup() {
        showSetup(w.ctx.wilayah(), CompletableFuture.completedFuture(w.ctx));
    }

    private Runnable setupShown = () -> { };

    /** Told each time a setup form has been laid out on screen (a new folder's store is made after it). */
    void onSetupShown(Runnable listener) {
        this.setupShown = listener;
    }

    /** The store of a setup shown before it was open (a new folder's first start); told by {@link #storeReady}. */
    private CompletableFuture<AppContext> setupWaiting;

    /**
     * A new folder's first start: the setup at once, with the area codes, while the worker makes the
     * key and the store; the form takes typing, and saving waits until the store is there.
     */
    void showSetupEarly(Wilayah wilayah) {
        setupWaiting = new CompletableFuture<>();
        showSetup(wilayah, setupWaiting);
    }

    /** The store of a setup shown early is open: the form already on screen keeps what was typed. */
    boolean storeReady(AppContext ctx) {
        if (setupWaiting == null) {
            return false;
        }
        setupWaiting.complete(ctx);
        setupWaiting = null;
        return true;
    }

    private void showSetup(Wilayah wilayah, CompletableFuture<AppContext> store) {
        w.villageLabel.setText("");
        w.operatorLabel.setText("");
        w.sampleBanner.setVisible(false);
        w.menus.setup();
        w.navBar.setVisible(false);
        w.pages.show(new SetupView(wilayah, store.thenApply(c -> new SetupViewModel.Services(c.villages(), c.households())),
                messages, runner, dialogs,
                () -> runner.run(messages.get("setup.sample.requests"), p -> {
                    AppContext ctx = w.ctx;
                    ctx.reloadProfile();
                    // the sample village shows a home screen with requests in every status
                    if (ctx.profile().map(VillageProfile::sample).orElse(false) && ctx.requests().count() == 0) {
                        SampleRequests.fill(ctx.requests(), ctx.households(), SAMPLE_REQUESTS, 1, n -> { });
                    }
                    return ctx;
                }, c -> signIn(w::showHome), e -> { })).onRestore(w::restore).onDistrict(() -> showDistrictSetup(wilayah, store))
                .view());
        // the start-up figure once the pulse that styles and lays the form out has run, as the sign-in's
        id.berkasdesa.common.ui.Pulses.afterLayout(w.view(), () -> {
            Trace.mark("setup-shown");
            setupShown.run();
        });
    }

    /**
     * "Dinas Sosial kabupaten/kota" chosen on a new folder: the district's setup (its kabupaten/kota, the
     * office, the first Administrator's name); then the district's window asks for that Administrator.
     */
    private void showDistrictSetup(Wilayah wilayah, CompletableFuture<AppContext> store) {
        w.pages.show(new DinasSetupView(wilayah, store.thenApply(AppContext::dinas), messages, runner, dialogs,
                (office, admin) -> runner.run(messages.get("dinas.setup.saving"), p -> store.join().reloadProfile(),
                        c -> w.district(c, admin), e -> dialogs.error(messages.get("setup.failed.title"),
                                messages.get("setup.failed"))),
                () -> showSetup(wilayah, store))
                .onSample(() -> runner.run(messages.get("dinas.sample.making"), p -> store.join().fillSampleDistrict(p),
                        c -> w.district(c, messages.get("dinas.sample.admin")), e -> {
                            org.slf4j.LoggerFactory.getLogger(SessionFlow.class).error("sample district failed: {}",
                                    id.berkasdesa.common.SafeLog.describe(e));
                            dialogs.error(messages.get("setup.failed.title"), messages.get("setup.failed"));
                        }))
                .view());
    }

    /** After trying the sample village: delete it and set up the real one. */
    void startReal() {
        if (!dialogs.confirm(messages.get("startReal.title"), messages.get("startReal.text"),
                messages.get("startReal.yes"), messages.get("startReal.no"))) {
            return;
        }
        runner.run(messages.get("startReal.deleting"), p -> {
            SampleVillage.clear(w.ctx.villages(), w.ctx.households());
            return w.ctx.reloadProfile();
        }, c -> showSetup(), e -> dialogs.error(messages.get("startReal.failed.title"), messages.get("startReal.failed")));
    }

    /** The village is set up: header, menu and page buttons for it, for whoever is signed in. */
    void frame() {
        VillageProfile p = w.ctx.profile().orElseThrow();
        w.villageLabel.setText(messages.get("app.village", p.namaDesa(), p.namaKantor()));
        // who acts, by their role (an Administrator was shown as "Operator")
        Role role = w.ctx.session().role();
        w.operatorLabel.setText(messages.get("app.operator", role == null ? messages.get("role.operator") : messages.get(role.key()),
                w.ctx.session().operator()));
        w.sampleBanner.setVisible(p.sample());
        w.menus.sample(p.sample());
        w.navBar.setVisible(true);
        locked(false);
    }
}
