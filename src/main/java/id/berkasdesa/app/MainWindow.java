package id.berkasdesa.app;

import id.berkasdesa.account.ui.AccountsDialog;
import id.berkasdesa.account.ui.PasswordDialog;
import id.berkasdesa.audit.ui.AuditDialog;
import id.berkasdesa.account.ui.RecoverDialog;
import id.berkasdesa.account.ui.SignInView;
import id.berkasdesa.account.ui.SignInViewModel;
import id.berkasdesa.bundle.ui.BundleActions;
import id.berkasdesa.common.BuildInfo;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.ui.DialogService;
import id.berkasdesa.common.ui.Fxml;
import id.berkasdesa.common.ui.BackgroundTasks;
import id.berkasdesa.document.DocumentSettings;
import id.berkasdesa.document.ui.DocumentSettingsDialog;
import id.berkasdesa.household.ui.HouseholdPages;
import id.berkasdesa.request.RequestListPdf;
import id.berkasdesa.request.RequestPolicy;
import id.berkasdesa.request.SampleRequests;
import id.berkasdesa.request.ui.RequestPages;
import id.berkasdesa.request.ui.RequestSettingsDialog;
import id.berkasdesa.village.SampleVillage;
import id.berkasdesa.village.VillageProfile;
import id.berkasdesa.village.ui.SetupView;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/** The window's frame: menu, village header, content area, status bar. */
final class MainWindow {

    @FXML Label villageLabel, operatorLabel, sampleBanner, statusLabel, dataDirLabel, startupLabel;
    @FXML ProgressBar progressBar;
    @FXML StackPane content;
    @FXML MenuItem backupItem, restoreItem, checkItem, rekeyItem, letterListItem, letterSettingsItem;
    @FXML Label backupLabel;
    @FXML MenuItem registerItem, startRealItem, documentSettingsItem, requestSettingsItem, reevaluateItem, passwordItem,
            switchUserItem, accountsItem, auditItem, signOutItem, lockSettingsItem, villageSettingsItem, exportItem, responseItem,
            districtKeyItem;
    @FXML Menu bundleMenu, requestMenu;
    @FXML MenuItem importItem, exportRegisterItem, candidatesItem, pbiItem;
    @FXML BorderPane root;
    @FXML HBox navBar;
    @FXML ToggleButton navHome, navRegister, navRequests, navCandidates;
    private final ToggleGroup nav = new ToggleGroup();

    private final Messages messages;
    private final BackgroundTasks runner;
    private final DialogService dialogs;
    private final Parent view;
    private AppContext ctx;
    private HouseholdPages households;
    private RequestPages requests;
    private BundleActions bundles;
    private id.berkasdesa.imports.ui.ImportActions imports;
    private id.berkasdesa.pbi.ui.PbiActions pbi;
    private id.berkasdesa.pbi.ui.CandidatesView candidates;

    MainWindow(Messages messages, BackgroundTasks runner, DialogService dialogs) {
        this.messages = messages;
        this.runner = runner;
        this.dialogs = dialogs;
        this.view = Fxml.load(this, messages);
    }

    Parent view() {
        return view;
    }

    @FXML
    void initialize() {
        statusLabel.textProperty().bind(runner.status());
        progressBar.progressProperty().bind(runner.progress());
        progressBar.visibleProperty().bind(runner.status().isNotEmpty());
        sampleBanner.managedProperty().bind(sampleBanner.visibleProperty());
        sampleBanner.setVisible(false);
        navBar.managedProperty().bind(navBar.visibleProperty());
        navBar.setVisible(false);
        for (ToggleButton b : List.of(navHome, navRegister, navRequests, navCandidates)) {
            b.setToggleGroup(nav);
        }
        // a page button stays pressed: choosing the page on show again just shows it afresh
        nav.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null && a != null) {
                a.setSelected(true);
            }
        });
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.isShiftDown() && e.getCode() == KeyCode.L) {
                // the lock wins on every page: this filter sees the key before any page's own shortcuts
                switchUser();
                e.consume();
                return;
            }
            if (!navBar.isVisible() || !e.isShortcutDown()) {
                return;
            }
            switch (e.getCode()) {
                case DIGIT1, NUMPAD1 -> showHome();
                case DIGIT2, NUMPAD2 -> showRegister();
                case DIGIT3, NUMPAD3 -> showRequests();
                case DIGIT4, NUMPAD4 -> showCandidates();
                default -> {
                    return;
                }
            }
            e.consume();
        });
    }

    private static final int SAMPLE_REQUESTS = 40;
    private Runnable dashboardShown = () -> { };

    /** While the store opens: the home screen's view is loaded once, so it appears at once later. */
    void warmUp() {
        RequestPages.warmUp(messages);
    }

    /** Told once the home screen shows its numbers (start-up benchmark). */
    void onDashboardShown(Runnable listener) {
        this.dashboardShown = listener;
    }

    /** The store is open: first run goes to the setup, every later one to the home screen. */
    void opened(AppContext context, Path dataDir) {
        this.ctx = context;
        dataDirLabel.setText(messages.get("app.dataDir", dataDir.toString()));
        requests = new RequestPages(ctx.requests, messages, runner, dialogs, this::show, this::pdfHeading);
        requests.onDashboardShown(() -> dashboardShown.run());
        requests.onListShown(() -> nav.selectToggle(navRequests));
        bundles = new BundleActions(ctx.bundles, ctx.responses, messages, runner, dialogs, () -> requests.refresh());
        imports = new id.berkasdesa.imports.ui.ImportActions(ctx.imports, messages, runner, dialogs, this::showRegister);
        pbi = new id.berkasdesa.pbi.ui.PbiActions(ctx.pbi, messages, runner, dialogs, this::showCandidates);
        candidates = new id.berkasdesa.pbi.ui.CandidatesView(ctx.pbi, messages, runner, c -> {
            nav.selectToggle(navRequests);
            requests.requestFor(c.householdId(), c.memberId(), c.deletedOn(), this::showCandidates);
        });
        households = new HouseholdPages(ctx.households, ctx.documents, messages, runner, dialogs, this::show,
                (household, member, back) -> {
                    nav.selectToggle(navRequests);
                    requests.requestFor(household, member, () -> {
                        nav.selectToggle(navRegister);
                        back.run();
                    });
                });
        households.usesRw(ctx.usesRw);
        households.onLetter((household, member) -> new id.berkasdesa.letter.ui.LetterDialog(ctx.letters, messages, dialogs, runner)
                .show(household, member, households::documentSettingsChanged));
        requests.letters((household, member, issued) -> new id.berkasdesa.letter.ui.LetterDialog(ctx.letters, messages, dialogs,
                runner).show(household, member, issued));
        if (ctx.profile().isEmpty()) {
            showSetup();
        } else {
            signIn(this::enter);
        }
        ctx.db.upgradeBackup().ifPresent(backup -> Platform.runLater(() -> dialogs.info(
                messages.get("app.upgradeBackup.title"), messages.get("app.upgradeBackup", backup.toString()))));
    }

    /**
     * Before any personal data: a store with accounts asks who signs in; one without (made before
     * accounts, or just set up) asks for its first Administrator. The sample village has only
     * invented data and needs neither.
     */
    private void signIn(Runnable then) {
        VillageProfile p = ctx.profile().orElseThrow();
        accountsExist = ctx.accounts.anyAccount();
        if (p.sample() || (ctx.session().signedIn() && accountsExist)) {
            locked(false);
            then.run();
            return;
        }
        boolean first = !accountsExist;
        locked(true);
        SignInViewModel vm = new SignInViewModel(ctx.accounts, messages, runner,
                first ? SignInViewModel.Mode.FIRST_ADMINISTRATOR : SignInViewModel.Mode.SIGN_IN);
        if (first) {
            vm.name.set(p.namaOperator());
        }
        SignInView view = new SignInView(vm, messages, this::recover).onSignedIn(in -> {
            if (in.mustChange()) {
                PasswordDialog.choose(ctx.accounts, messages, dialogs, runner, true);
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
        villageLabel.setText(messages.get("app.village", p.namaDesa(), p.namaKantor()));
        operatorLabel.setText("");
        show(view.view());
    }

    /**
     * An encrypted store whose key only a password opens: the sign-in comes first, and the store
     * opens (on the worker) with the name and password typed, then signs them in. "Lupa kata sandi"
     * opens it with the recovery code. {@code opened} is told of the store once it is open.
     */
    void lockedStore(Path dataDir, java.util.Optional<String> village, java.util.function.Consumer<AppContext> opened) {
        Clock clock = Clock.systemDefaultZone();
        AppContext[] holder = new AppContext[1];
        SignInViewModel.Door door = new SignInViewModel.Door() {
            @Override
            public id.berkasdesa.account.AccountService.SignedIn signIn(String name, char[] password) {
                AppContext c = holder[0] != null ? holder[0] : AppContext.unlock(dataDir, clock, name, password);
                if (holder[0] == null) {
                    holder[0] = c;
                    opened.accept(c); // open now: closed on the way out even if the sign-in itself is refused
                }
                return c.accounts.signIn(name, password);
            }

            @Override
            public String createFirstAdministrator(String name, char[] password) {
                throw new IllegalStateException("a locked store has its Administrator");
            }
        };
        SignInViewModel vm = new SignInViewModel(door, messages, runner, SignInViewModel.Mode.SIGN_IN);
        SignInView view = new SignInView(vm, messages, () -> {
            RecoverDialog.show((code, password) -> {
                AppContext c = holder[0] != null ? holder[0] : AppContext.unlockWithRecovery(dataDir, clock, code);
                if (holder[0] == null) {
                    holder[0] = c;
                    opened.accept(c);
                }
                return c.accounts.recover(code, password);
            }, messages, dialogs, runner).ifPresent(admin -> {
                dialogs.info(messages.get("signin.recover.title"), messages.get("signin.recover.done", admin));
                opened(holder[0], dataDir); // open now: the sign-in that follows is the store's own
            });
        }).onSignedIn(in -> {
            if (in.mustChange()) {
                PasswordDialog.choose(holder[0].accounts, messages, dialogs, runner, true);
            }
            opened(holder[0], dataDir);
        });
        dataDirLabel.setText(messages.get("app.dataDir", dataDir.toString()));
        // the key file names the village "Desa — Kantor" (as a backup's manifest does): shown as the header shows it everywhere
        villageLabel.setText(village.map(v -> v.contains(" — ") ? messages.get("app.village", v.substring(0, v.indexOf(" — ")),
                v.substring(v.indexOf(" — ") + 3)) : v).orElse(""));
        operatorLabel.setText("");
        for (MenuItem item : List.of(registerItem, documentSettingsItem, requestSettingsItem, reevaluateItem, passwordItem,
                switchUserItem, signOutItem, accountsItem, lockSettingsItem, villageSettingsItem, auditItem, districtKeyItem, backupItem, checkItem,
                importItem, exportRegisterItem)) {
            item.setDisable(true);
        }
        backupLabel.setText("");
        bundleMenu.setDisable(true);
        requestMenu.setDisable(true);
        navBar.setVisible(false);
        show(view.view());
    }

    private void recover() {
        RecoverDialog.show(ctx.accounts, messages, dialogs, runner).ifPresent(admin ->
                dialogs.info(messages.get("signin.recover.title"), messages.get("signin.recover.done", admin)));
    }

    /** While nobody is signed in: no menu, no page button, nothing that shows data. */
    private void locked(boolean locked) {
        for (MenuItem item : List.of(registerItem, documentSettingsItem, requestSettingsItem, reevaluateItem)) {
            item.setDisable(locked);
        }
        bundleMenu.setDisable(locked);
        requestMenu.setDisable(locked);
        navBar.setVisible(!locked && ctx.profile().isPresent());
        passwordItem.setDisable(locked || !ctx.session().signedIn() || !accountsExist);
        switchUserItem.setDisable(passwordItem.isDisable());
        signOutItem.setDisable(passwordItem.isDisable());
        // what the session may not do is not offered (the store refuses it anyway): each item asks the
        // session about the action its work is recorded under, as the store will
        id.berkasdesa.common.Session who = ctx.session();
        accountsItem.setDisable(passwordItem.isDisable() || !who.may("operator.list"));
        lockSettingsItem.setDisable(accountsItem.isDisable());
        // a Pemeriksa looks: forms read-only from the start, not refused at the save
        households.readOnly(who.signedIn() && !who.may("household.save"));
        for (java.util.Map.Entry<MenuItem, String> e : java.util.Map.of(
                villageSettingsItem, "settings.change",
                documentSettingsItem, "settings.change",
                requestSettingsItem, "settings.change",
                exportItem, "bundle.export",
                responseItem, "response.import",
                importItem, "household.import",
                exportRegisterItem, "household.export",
                pbiItem, "request.importPbi",
                auditItem, "audit.view",
                backupItem, "backup.create").entrySet()) {
            e.getKey().setDisable(locked || !who.may(e.getValue()));
        }
        checkItem.setDisable(locked || !who.may("audit.verify"));
        rekeyItem.setDisable(locked || !who.may("backup.rekey"));
        letterListItem.setDisable(locked || !who.signedIn() && accountsExist);
        letterSettingsItem.setDisable(locked || !who.may("settings.change"));
        districtKeyItem.setDisable(locked || !who.may("district.import"));
        // at the sign-in anyone may restore with an Administrator's password; signed in, only who may restore
        restoreItem.setDisable(!locked && !who.may("backup.restore"));
        lockedNow = locked;
        showBackupStatus();
    }

    private boolean lockedNow;
    /** Read when the sign-in is decided (not on every page change: a page can change after the store closed). */
    private boolean accountsExist;
    private List<javafx.scene.Node> keptWhileLocked = List.of();

    /** Berkas > Pengguna (Administrator). */
    @FXML
    void accounts() {
        AccountsDialog d = new AccountsDialog(ctx.accounts, ctx.profile().map(p -> p.namaDesa() + " — " + p.namaKantor())
                .orElse(""), messages, dialogs, runner);
        d.show();
        // someone left: a key file they may have copied should stop opening the store
        d.disabled().stream().reduce((a, b) -> a + ", " + b).ifPresent(this::rekey);
    }

    /** Berkas > Ganti kunci data (Administrator). */
    @FXML
    void rekey() {
        rekey(null);
    }

    private void rekey(String disabled) {
        if (storeControl != null) {
            id.berkasdesa.backup.ui.RekeyDialog.show(ctx.backups, ctx.accounts.list().stream()
                    .filter(id.berkasdesa.account.Account::active).map(id.berkasdesa.account.Account::name).toList(),
                    disabled, storeControl, messages, dialogs, runner);
        }
    }

    /** How the store in use is closed for a restore and its sign-in shown again (the app's side). */
    private id.berkasdesa.backup.ui.RestoreDialog.Store storeControl;

    void storeControl(id.berkasdesa.backup.ui.RestoreDialog.Store control) {
        this.storeControl = control;
    }

    /** Berkas > Cadangkan ke flashdisk (Administrator). */
    @FXML
    void backup() {
        backup(java.util.Optional.empty());
    }

    private void backup(java.util.Optional<Path> stick) {
        new id.berkasdesa.backup.ui.BackupDialog(ctx.backups, messages, dialogs, runner, this::showBackupStatus).show(stick);
    }

    /** After a bundle went to a stick: a backup to the same stick, if the Administrator wants it. */
    private void offerBackup(Path stick) {
        if (ctx.session().role() == id.berkasdesa.common.Role.ADMINISTRATOR && dialogs.confirm(messages.get("backup.offer.title"),
                messages.get("backup.offer", stick.toString()), messages.get("backup.offer.yes"), messages.get("backup.offer.no"))) {
            backup(java.util.Optional.of(stick));
        }
    }

    /** Berkas > Pulihkan dari cadangan (on a new PC before anything, or over this store after a confirmation). */
    @FXML
    void restore() {
        if (storeControl != null) {
            new id.berkasdesa.backup.ui.RestoreDialog(storeControl, messages, dialogs, runner).show();
        }
    }

    /** Berkas > Periksa data (Administrator). */
    @FXML
    void check() {
        id.berkasdesa.backup.ui.CheckDialog.show(ctx.backups, messages, dialogs, runner);
    }

    /** The status bar: when the last verified backup was made, amber once it is due. */
    private void showBackupStatus() {
        if (ctx == null || lockedNow || ctx.profile().isEmpty() || ctx.profile().get().sample()) {
            backupLabel.setText("");
            return;
        }
        runner.run("", p -> ctx.backups.status(), status -> {
            backupLabel.setText(id.berkasdesa.backup.ui.BackupDialog.lastText(status, messages));
            backupLabel.getStyleClass().setAll(status.due() ? "backup-due" : "text-muted");
        }, e -> backupLabel.setText(""));
    }

    /** Berkas > Kunci Dinas Sosial (Administrator). */
    @FXML
    void districtKey() {
        new id.berkasdesa.bundle.ui.DistrictKeyDialog(ctx.districtKeys, () -> ctx.villageFingerprint(), messages, dialogs,
                runner).show();
    }

    /** Berkas > Rekam jejak (Administrator). */
    @FXML
    void audit() {
        VillageProfile p = ctx.profile().orElseThrow();
        new AuditDialog(ctx.audit, ctx::personIds, messages, dialogs, runner, messages.get("app.village", p.namaDesa(), p.namaKantor())).show();
    }

    /** The signed-in user's own password. */
    @FXML
    void changePassword() {
        if (PasswordDialog.choose(ctx.accounts, messages, dialogs, runner, false)) {
            dialogs.info(messages.get("signin.change.title"), messages.get("signin.change.done"));
        }
    }

    /**
     * Locks the window (Ctrl+Shift+L; Ctrl+L attaches a document, or after the idle minutes): the page is kept as it is, hidden behind
     * the sign-in; the same user unlocks and finds their work; another user signs in instead.
     */
    @FXML
    void switchUser() {
        if (lockedNow || ctx.profile().isEmpty() || !accountsExist || !ctx.session().signedIn()) {
            return;
        }
        String me = ctx.session().operator();
        keptWhileLocked = List.copyOf(content.getChildren());
        locked(true);
        SignInViewModel vm = new SignInViewModel(ctx.accounts, messages, runner, SignInViewModel.Mode.UNLOCK);
        vm.name.set(me);
        SignInView view = new SignInView(vm, messages, this::recover).onSignedIn(in -> {
            if (in.mustChange()) {
                PasswordDialog.choose(ctx.accounts, messages, dialogs, runner, true);
            }
            locked(false);
            if (in.session().operator().equalsIgnoreCase(me)) {
                content.getChildren().setAll(keptWhileLocked); // the same person: the work as it was
                frame();
            } else {
                showHome(); // someone else: they start on the home screen
            }
            keptWhileLocked = List.of();
        });
        operatorLabel.setText("");
        show(view.view());
    }

    /**
     * Keluar dari akun: nobody acts any more; the page is closed (unsaved typing asks first, as
     * leaving any page does) and the sign-in screen waits for the next person.
     */
    @FXML
    void signOut() {
        if (lockedNow || !accountsExist || !ctx.session().signedIn()) {
            return;
        }
        ctx.accounts.signOut();
        keptWhileLocked = List.of();
        signIn(this::showHome);
    }

    /** After the idle minutes without a key or a click, the window locks itself. */
    private void watchIdle() {
        if (idle != null || view.getScene() == null) {
            return;
        }
        idle = new PauseTransition(idleUnit.multiply(ctx.accounts.lockMinutes()));
        idle.setOnFinished(e -> switchUser());
        javafx.event.EventHandler<javafx.event.Event> touched = e -> idle.playFromStart();
        view.getScene().addEventFilter(KeyEvent.ANY, touched);
        view.getScene().addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, touched);
        view.getScene().addEventFilter(javafx.scene.input.MouseEvent.MOUSE_MOVED, touched);
        view.getScene().addEventFilter(javafx.scene.input.ScrollEvent.ANY, touched);
        idle.playFromStart();
    }

    /** One "minute" of the idle setting; a test makes it a second so that the lock can be watched. */
    static Duration idleUnit = Duration.minutes(1);
    private PauseTransition idle;

    /** Berkas > Pengaturan desa (Administrator): a village without RW. */
    @FXML
    void villageSettings() {
        id.berkasdesa.village.ui.VillageSettingsDialog.ask(messages, dialogs, ctx.usesRw).ifPresent(uses ->
                runner.run("", p -> {
                    ctx.villages.usesRw(uses);
                    return uses;
                }, saved -> {
                    ctx.usesRw = saved;
                    households.usesRw(saved);
                }, e -> dialogs.error(messages.get("village.settings.title"), messages.get("village.settings.failed"))));
    }

    /** Berkas > Kunci layar otomatis (Administrator): the idle minutes before the window locks. */
    @FXML
    void lockSettings() {
        javafx.scene.control.TextField minutes = new javafx.scene.control.TextField(String.valueOf(ctx.accounts.lockMinutes()));
        minutes.setId("lockMinutesField");
        minutes.setPrefColumnCount(5);
        javafx.scene.control.Label text = new javafx.scene.control.Label(messages.get("lock.settings.text",
                id.berkasdesa.account.AccountService.MAX_LOCK_MINUTES));
        text.setWrapText(true);
        text.setLabelFor(minutes);
        javafx.scene.control.Label problem = new javafx.scene.control.Label();
        problem.setId("lockMinutesProblem");
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(6, text, minutes, problem);
        box.setPrefWidth(440);
        dialogs.<Integer>form(messages.get("lock.settings.title"), box, minutes, () -> {
            try {
                int m = Integer.parseInt(minutes.getText().strip());
                return m >= 1 && m <= id.berkasdesa.account.AccountService.MAX_LOCK_MINUTES ? java.util.Optional.of(m)
                        : java.util.Optional.empty();
            } catch (NumberFormatException e) {
                return java.util.Optional.empty();
            }
        }, () -> problem.setText(messages.get("account.lock.range", id.berkasdesa.account.AccountService.MAX_LOCK_MINUTES)))
                .ifPresent(m -> {
                    ctx.accounts.lockMinutes(m);
                    if (idle != null) {
                        idle.setDuration(idleUnit.multiply(m));
                        idle.playFromStart();
                    }
                });
    }

    /** Signed in (or no accounts yet): the home screen, and the start-up checks. */
    private void enter() {
        frame();
        nav.selectToggle(navHome);
        requests.showDashboard(ctx.initialDashboard);
        // a day has passed, or a letter expired, since the last start: the rules say so now, once
        // the home screen is up (it shows the stored numbers, and refreshes if anything changed)
        PauseTransition settle = new PauseTransition(Duration.millis(800));
        settle.setOnFinished(e -> {
            // the document files' check too; one worker task at a time, so it never meets an attach half-way
            runner.run("", p -> {
                ctx.sweep();
                return null;
            }, x -> { }, x -> { });
            requests.reevaluateAtStart();
        });
        settle.play();
        if (accountsExist) {
            watchIdle();
        }
    }

    private void showSetup() {
        villageLabel.setText("");
        operatorLabel.setText("");
        sampleBanner.setVisible(false);
        registerItem.setDisable(true);
        documentSettingsItem.setDisable(true);
        requestSettingsItem.setDisable(true);
        reevaluateItem.setDisable(true);
        bundleMenu.setDisable(true);
        requestMenu.setDisable(true);
        importItem.setDisable(true);
        exportRegisterItem.setDisable(true);
        navBar.setVisible(false);
        startRealItem.setVisible(false);
        show(new SetupView(ctx.wilayah, ctx.villages, ctx.households, messages, runner, dialogs,
                () -> runner.run(messages.get("setup.sample.requests"), p -> {
                    ctx.reloadProfile();
                    // the sample village shows a home screen with requests in every status
                    if (ctx.profile().map(VillageProfile::sample).orElse(false) && ctx.requests.count() == 0) {
                        SampleRequests.fill(ctx.requests, ctx.households, SAMPLE_REQUESTS, 1, n -> { });
                    }
                    return ctx;
                }, c -> signIn(this::showHome), e -> { })).onRestore(this::restore).view());
    }

    /** After trying the sample village: delete it and set up the real one. */
    @FXML
    void startReal() {
        if (!dialogs.confirm(messages.get("startReal.title"), messages.get("startReal.text"),
                messages.get("startReal.yes"), messages.get("startReal.no"))) {
            return;
        }
        runner.run(messages.get("startReal.deleting"), p -> {
            SampleVillage.clear(ctx.villages, ctx.households);
            return ctx.reloadProfile();
        }, c -> showSetup(), e -> dialogs.error(messages.get("startReal.failed.title"), messages.get("startReal.failed")));
    }

    void failed(String text) {
        startupLabel.setText(text);
        startupLabel.setWrapText(true);
    }

    private void show(Parent page) {
        Runnable ready = id.berkasdesa.common.ui.TypeAhead.hold(root.getScene());
        content.getChildren().setAll(page);
        ready.run(); // the page's own focus request comes first in this pulse; the kept keys after it
    }

    /** The village is set up: header, menu and page buttons for it. */
    private void frame() {
        VillageProfile p = ctx.profile().orElseThrow();
        villageLabel.setText(messages.get("app.village", p.namaDesa(), p.namaKantor()));
        // who acts, by their role (an Administrator was shown as "Operator")
        id.berkasdesa.common.Role role = ctx.session().role();
        operatorLabel.setText(messages.get("app.operator", role == null ? messages.get("role.operator") : messages.get(role.key()),
                ctx.session().operator()));
        sampleBanner.setVisible(p.sample());
        startRealItem.setVisible(p.sample());
        registerItem.setDisable(false);
        documentSettingsItem.setDisable(false);
        requestSettingsItem.setDisable(false);
        reevaluateItem.setDisable(false);
        bundleMenu.setDisable(false);
        requestMenu.setDisable(false);
        navBar.setVisible(true);
        locked(false);
    }

    /** The home screen: the request dashboard. */
    @FXML
    void showHome() {
        frame();
        nav.selectToggle(navHome);
        requests.showDashboard();
    }

    @FXML
    void showRegister() {
        frame();
        nav.selectToggle(navRegister);
        households.showList();
    }

    @FXML
    void showRequests() {
        frame();
        nav.selectToggle(navRequests);
        requests.showList();
    }

    /** Usulan → Calon usulan (Ctrl+4): who the Dinas Sosial's list says could still be reactivated. */
    @FXML
    void showCandidates() {
        frame();
        nav.selectToggle(navCandidates);
        show(candidates.view());
        candidates.refresh();
    }

    /** Usulan → Impor daftar PBI nonaktif… */
    @FXML
    void importPbi() {
        pbi.importList();
    }

    /** Berkas → Impor data penduduk… */
    @FXML
    void importPopulation() {
        imports.importPopulation();
    }

    /** Berkas → Ekspor data penduduk… */
    @FXML
    void exportRegister() {
        imports.exportRegister();
    }

    private RequestListPdf.Heading pdfHeading() {
        VillageProfile p = ctx.profile().orElseThrow();
        return new RequestListPdf.Heading(p.namaDesa(), p.namaKantor(), ctx.session().operator(), p.namaKepalaDesa(), "",
                ctx.requests.today());
    }

    /** The numbers of the request rules; saving applies them to every open request and says which changed. */
    @FXML
    void requestSettings() {
        record Current(RequestPolicy policy, DocumentSettings documents) {
        }
        runner.run("", p -> new Current(ctx.requests.policy(), ctx.documents.settings()),
                current -> RequestSettingsDialog.ask(messages, dialogs, current.policy(), current.documents().preset())
                        .ifPresent(this::saveRequestSettings),
                e -> dialogs.error(messages.get("request.settings.title"), messages.get("request.settings.failed")));
    }

    private void saveRequestSettings(RequestPolicy policy) {
        runner.run(messages.get("request.reevaluate.running"), p -> ctx.requests.savePolicy(policy), changes -> {
            dialogs.info(messages.get("request.reevaluate.title"), RequestPages.describe(messages, changes));
            requests.refresh();
        }, e -> dialogs.error(messages.get("request.settings.title"), messages.get("request.settings.failed")));
    }

    /** Paket → Kirim ke Dinas Sosial (Ctrl+E). */
    @FXML
    void exportBundle() {
        bundles.export(this::offerBackup);
    }

    @FXML
    void readResponse() {
        bundles.readResponse();
    }

    @FXML
    void verifyBundle() {
        bundles.verify();
    }

    /** Surat > Daftar surat: the letters issued; anyone signed in sees them, who may cancel cancels. */
    @FXML
    void letterList() {
        if (ctx != null) {
            new id.berkasdesa.letter.ui.LetterListDialog(ctx.letters, ctx.session().may("letter.cancel"), messages, dialogs, runner)
                    .show();
        }
    }

    /** Surat > Pengaturan surat (Administrator). */
    @FXML
    void letterSettings() {
        new id.berkasdesa.letter.ui.LetterSettingsDialog(ctx.letters, messages, dialogs, runner).show();
    }

    /** Surat > Periksa surat: against this village's key and register when a store is open, else the signature alone. */
    @FXML
    void letterCheck() {
        new id.berkasdesa.letter.ui.LetterCheckDialog(ctx == null || lockedNow ? null : ctx.letters, messages, dialogs, runner).show();
    }

    /** Applies the rules again to every open request now, and says what changed. */
    @FXML
    void reevaluate() {
        requests.reevaluate(true);
    }

    /** The requirement preset, upload size limit and letter validity of this village. */
    @FXML
    void documentSettings() {
        runner.run("", p -> ctx.documents.settings(),
                current -> DocumentSettingsDialog.ask(messages, dialogs, current).ifPresent(this::saveDocumentSettings),
                this::documentSettingsFailed);
    }

    private void saveDocumentSettings(DocumentSettings settings) {
        runner.run("", p -> {
            ctx.documents.saveSettings(settings);
            return settings;
        }, saved -> {
            households.documentSettingsChanged();
            // the required documents changed: open requests are checked against them now (told when any changed)
            requests.reevaluate(false);
        }, this::documentSettingsFailed);
    }

    private void documentSettingsFailed(Throwable e) {
        dialogs.error(messages.get("document.settings.title"), messages.get("document.settings.failed"));
    }

    @FXML
    void about() {
        BuildInfo b = BuildInfo.current();
        String text = messages.get("about.text", b.version(), b.date());
        if (ctx == null || ctx.profile().isEmpty() || lockedNow) {
            dialogs.info(messages.get("about.title"), text);
            return;
        }
        // this village's key, as the Dinas Sosial sees it on every bundle (read on the worker: made on first use)
        runner.run("", p -> ctx.villageFingerprint(), fp -> dialogs.info(messages.get("about.title"),
                text + "\n\n" + messages.get("about.villageKey", fp)), e -> dialogs.info(messages.get("about.title"), text));
    }

    @FXML
    void shortcuts() {
        HelpDialogs.shortcuts(messages, dialogs);
    }

    @FXML
    void howTo() {
        HelpDialogs.howTo(messages, dialogs);
    }

    @FXML
    void exit() {
        Platform.exit();
    }
}
