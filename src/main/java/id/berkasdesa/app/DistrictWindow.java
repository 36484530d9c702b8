package id.berkasdesa.app;

import id.berkasdesa.account.ui.AccountsDialog;
import id.berkasdesa.account.ui.PasswordDialog;
import id.berkasdesa.account.ui.SignInView;
import id.berkasdesa.account.ui.SignInViewModel;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.Role;
import id.berkasdesa.common.Session;
import id.berkasdesa.common.ui.BackgroundTasks;
import id.berkasdesa.common.ui.DialogService;
import id.berkasdesa.common.ui.Fxml;
import id.berkasdesa.dinas.DinasService;
import id.berkasdesa.dinas.ui.AnswersView;
import id.berkasdesa.dinas.ui.DuplicatesView;
import id.berkasdesa.dinas.ui.InboxView;
import id.berkasdesa.dinas.ui.RequestsView;
import id.berkasdesa.dinas.ui.RequestsViewModel;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/**
 * The window of a Dinas Sosial's store: its own menus, header and pages — Kotak masuk (Ctrl+1),
 * Usulan (Ctrl+2), Ganda (Ctrl+3), Balasan dan rekap (Ctrl+4) — for whoever is signed in, by role.
 * The first Administrator is asked for here, right after the district's setup; a locked store's
 * sign-in happened before this window took over.
 */
final class DistrictWindow {

    @FXML Label officeLabel, operatorLabel, statusLabel, dataDirLabel;
    @FXML ProgressBar progressBar;
    @FXML StackPane content;
    @FXML HBox navBar;
    @FXML ToggleButton navInbox, navRequests, navDuplicates, navAnswers;
    @FXML MenuItem startRealItem, accountsItem, passwordItem, switchUserItem, signOutItem, reasonItem, settingsItem, backupItem, checkItem;
    @FXML Menu pagesMenu;
    @FXML javafx.scene.layout.BorderPane root;

    private final AppContext ctx;
    private final Messages messages;
    private final BackgroundTasks runner;
    /** Whether the document files were checked since this window opened. */
    private boolean swept;
    private final DialogService dialogs;
    private final Path dataDir;
    private final Parent view;
    private Navigator pages;
    private InboxView inbox;
    private RequestsView requests;
    private DuplicatesView duplicates;
    private AnswersView answers;
    private List<javafx.scene.Node> keptWhileLocked = List.of();
    private final Runnable startReal;

    /**
     * @param startReal sets the sample office aside for the real one (the window's shell does it); null
     *     where it cannot be offered (an office's server)
     */
    DistrictWindow(AppContext ctx, Path dataDir, Messages messages, BackgroundTasks runner, DialogService dialogs,
            Runnable startReal) {
        this.ctx = ctx;
        this.startReal = startReal;
        this.dataDir = dataDir;
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
        navBar.managedProperty().bind(navBar.visibleProperty());
        pages = new Navigator(content, List.of(navInbox, navRequests, navDuplicates, navAnswers));
        buildPages();
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.isShiftDown() && e.getCode() == KeyCode.L) {
                lock();
                e.consume();
                return;
            }
            if (!navBar.isVisible() || !e.isShortcutDown() || e.isShiftDown()) {
                return;
            }
            switch (e.getCode()) {
                case DIGIT1, NUMPAD1 -> showInbox();
                case DIGIT2, NUMPAD2 -> showRequests();
                case DIGIT3, NUMPAD3 -> showDuplicates();
                case DIGIT4, NUMPAD4 -> showAnswers();
                default -> {
                    return;
                }
            }
            e.consume();
        });
        DinasService.Office o = ctx.office().orElseThrow();
        officeLabel.setText(messages.get("dinas.window.office", o.officeName(), o.kabupaten()));
        // the example office only, on a data folder of this PC (an office's server is set up by its IT officer)
        startRealItem.setVisible(startReal != null && id.berkasdesa.wiring.SampleDistrict.isSample(o));
        dataDirLabel.setText(StoreControl.where(messages, dataDir));
    }

    /** The pages, new: the next person who signs in finds nothing of the one before (a filter, a list, a file's result). */
    private void buildPages() {
        java.util.function.Supplier<Session> who = ctx::session;
        requests = new RequestsView(new RequestsViewModel(ctx.dinas(), ctx.decisions(), messages), messages, runner, dialogs, who);
        inbox = new InboxView(ctx.dinas(), messages, runner, dialogs, who);
        duplicates = new DuplicatesView(ctx.decisions(), messages, runner, dialogs, who);
        answers = new AnswersView(ctx.dinas(), ctx.answers(), ctx.decisions(), ctx.recaps(), ctx.reactivationLetters(), messages, runner,
                dialogs, who);
    }

    /**
     * Takes over the window: the first Administrator when the office has none yet ({@code admin} is the
     * name typed at the setup), otherwise the page the role works on first.
     */
    void start(String admin) {
        if (!ctx.accounts().anyAccount()) {
            firstAdministrator(admin);
        } else if (!ctx.session().signedIn()) {
            signIn(SignInViewModel.Mode.SIGN_IN, null);
        } else {
            enter();
        }
    }

    private void firstAdministrator(String admin) {
        locked(true);
        SignInViewModel vm = new SignInViewModel(ctx.accounts(), messages, runner, SignInViewModel.Mode.FIRST_ADMINISTRATOR);
        vm.name.set(admin == null ? "" : admin);
        SignInView v = new SignInView(vm, messages, () -> { }).onCreated(code -> {
            SignInView.showRecoveryCode(messages, dialogs, code, ctx.office().map(DinasService.Office::officeName).orElse(""),
                    ctx.session().operator());
            enter();
        }).intro(messages.get("dinas.signin.first.intro"));
        pages.show(v.view());
    }

    private void signIn(SignInViewModel.Mode mode, String name) {
        locked(true);
        SignInViewModel vm = new SignInViewModel(ctx.accounts(), messages, runner, mode);
        if (name != null) {
            vm.name.set(name);
        }
        SignInView v = new SignInView(vm, messages, this::recover).onSignedIn(in -> {
            if (in.mustChange()) {
                PasswordDialog.choose(ctx.accounts(), messages, dialogs, runner, true);
            }
            if (name != null && in.session().operator().equalsIgnoreCase(name) && !keptWhileLocked.isEmpty()) {
                locked(false);
                pages.restore(keptWhileLocked); // the same person: the work as it was
            } else {
                buildPages(); // someone else: they start afresh
                enter();
            }
            keptWhileLocked = List.of();
        });
        pages.show(v.view());
    }

    /** Lupa kata sandi Administrator: the recovery code sets a new password, as in a village. */
    private void recover() {
        id.berkasdesa.account.ui.RecoverDialog.show(ctx.accounts(), messages, dialogs, runner).ifPresent(admin ->
                dialogs.info(messages.get("signin.recover.title"), messages.get("signin.recover.done", admin)));
    }

    /** Signed in: the page the role starts on (a Pengesah's work is in the list of proposals). */
    private void enter() {
        locked(false);
        id.berkasdesa.keys.CipherWarmUp.start(); // the first stick's bundles decrypted at full speed
        if (!swept) {
            // scans a failed unit of work had placed, and temp files, cleared before the first inbox
            // (the worker runs one task at a time, in order)
            swept = true;
            runner.run("", p -> {
                ctx.sweep();
                return null;
            }, x -> { }, x -> { });
        }
        if (ctx.session().role() == Role.PENGESAH || ctx.session().role() == Role.PEMERIKSA) {
            showRequests();
        } else {
            showInbox();
        }
    }

    private void locked(boolean locked) {
        Session s = ctx.session();
        navBar.setVisible(!locked);
        pagesMenu.setDisable(locked);
        operatorLabel.setText(locked || !s.signedIn() ? "" : messages.get("app.operator", messages.get(s.role().key()), s.operator()));
        passwordItem.setDisable(locked || !s.signedIn());
        switchUserItem.setDisable(locked || !s.signedIn());
        signOutItem.setDisable(locked || !s.signedIn());
        accountsItem.setDisable(locked || !s.may("operator.list"));
        reasonItem.setDisable(locked || !s.may("dinas.reason"));
        settingsItem.setDisable(locked || !s.may("dinas.settings"));
        backupItem.setDisable(locked || !s.may("backup.create"));
        checkItem.setDisable(locked || !s.may("audit.verify"));
        startRealItem.setDisable(locked || !s.may("dinas.settings"));
    }

    /**
     * Mulai kantor sungguhan (Administrator, on the sample office): asked first, then the example office
     * is set aside whole (not deleted) and the setup of the real one opens in this window.
     */
    @FXML void startReal() {
        if (startReal == null || !ctx.session().may("dinas.settings")) {
            return;
        }
        if (dialogs.confirm(messages.get("dinas.startReal.title"), messages.get("dinas.startReal.text"),
                messages.get("dinas.startReal.yes"), messages.get("startReal.no"))) {
            startReal.run();
        }
    }

    /** Cadangkan ke flashdisk (Administrator): the office's store and its scans, as a village's (on a server: pg_dump, said so). */
    @FXML void backup() {
        new id.berkasdesa.backup.ui.BackupDialog(ctx.backups(), messages, dialogs, runner, () -> { }).show(java.util.Optional.empty());
    }

    /** Periksa data (Administrator): every row read back, the trail, every scan there and intact. */
    @FXML void check() {
        id.berkasdesa.backup.ui.CheckDialog.show(ctx.backups(), messages, dialogs, runner);
    }

    @FXML void showInbox() {
        pages.select(navInbox);
        pages.show(inbox);
    }

    @FXML void showRequests() {
        pages.select(navRequests);
        pages.show(requests);
    }

    @FXML void showDuplicates() {
        pages.select(navDuplicates);
        pages.show(duplicates);
    }

    @FXML void showAnswers() {
        pages.select(navAnswers);
        pages.show(answers);
    }

    /** Kunci layar (Ctrl+Shift+L): the page kept behind the sign-in for the same person. */
    @FXML void lock() {
        if (!navBar.isVisible() || !ctx.session().signedIn()) {
            return;
        }
        keptWhileLocked = pages.onScreen();
        signIn(SignInViewModel.Mode.UNLOCK, ctx.session().operator());
    }

    @FXML void signOut() {
        if (!ctx.session().signedIn()) {
            return;
        }
        ctx.accounts().signOut();
        keptWhileLocked = List.of();
        signIn(SignInViewModel.Mode.SIGN_IN, null);
    }

    @FXML void accounts() {
        new AccountsDialog(ctx.accounts(), ctx.office().map(DinasService.Office::officeName).orElse(""), messages, dialogs, runner)
                .show();
    }

    @FXML void changePassword() {
        if (PasswordDialog.choose(ctx.accounts(), messages, dialogs, runner, false)) {
            dialogs.info(messages.get("signin.change.title"), messages.get("signin.change.done"));
        }
    }

    /** Alasan keputusan (Administrator): a reason of the office's own beside the built-in ones. */
    @FXML void addReason() {
        javafx.scene.control.TextField code = new javafx.scene.control.TextField();
        code.setId("reasonCodeField");
        javafx.scene.control.TextField text = new javafx.scene.control.TextField();
        text.setId("reasonTextField");
        Label intro = new Label(messages.get("dinas.reasons.intro"));
        intro.setWrapText(true);
        Label l1 = new Label(messages.get("dinas.reasons.code"));
        l1.setLabelFor(code);
        Label l2 = new Label(messages.get("dinas.reasons.text"));
        l2.setLabelFor(text);
        Label problem = new Label();
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(6, intro, l1, code, l2, text, problem);
        box.setPrefWidth(520);
        id.berkasdesa.common.ui.KeyboardEntry.enterMovesFocus(List.of(code, text));
        dialogs.form(messages.get("dinas.reasons.title"), box, code, () -> {
            try {
                return java.util.Optional.of(ctx.decisions().addReason(code.getText(), text.getText()));
            } catch (id.berkasdesa.common.MessageException e) {
                problem.setText(e.message(messages));
                return java.util.Optional.empty();
            }
        }, () -> { }).ifPresent(r -> dialogs.info(messages.get("dinas.reasons.title"),
                messages.get("dinas.reasons.added", r.code(), r.text())));
    }

    /**
     * Pengaturan Dinas Sosial (Administrator): an SKTM required or not, the window in months, plain
     * bundles received or refused, the annex's columns (codes, in order; empty for the default set).
     */
    @FXML void settings() {
        DinasService.Settings now = ctx.dinas().settings();
        javafx.scene.control.CheckBox sktm = new javafx.scene.control.CheckBox(messages.get("dinas.settings.sktm"));
        sktm.setId("requireSktmBox");
        sktm.setSelected(now.requireSktm());
        javafx.scene.control.TextField months = new javafx.scene.control.TextField(String.valueOf(now.windowMonths()));
        months.setId("windowMonthsField");
        months.setPrefColumnCount(4);
        Label l = new Label(messages.get("dinas.settings.window"));
        l.setLabelFor(months);
        javafx.scene.control.CheckBox plain = new javafx.scene.control.CheckBox(messages.get("dinas.settings.plain"));
        plain.setId("allowPlainBox");
        plain.setSelected(now.allowPlain());
        javafx.scene.control.TextField annex = new javafx.scene.control.TextField(String.join(", ", now.annexColumns()));
        annex.setId("annexColumnsField");
        Label annexLabel = new Label(messages.get("dinas.settings.annex"));
        annexLabel.setLabelFor(annex);
        Label annexHint = new Label(messages.get("dinas.settings.annexHint", String.join(", ", DinasService.ANNEX_COLUMNS)));
        annexHint.setWrapText(true);
        annexHint.getStyleClass().add("text-muted");
        Label note = new Label(messages.get("dinas.settings.note"));
        note.setWrapText(true);
        note.getStyleClass().add("text-muted");
        Label problem = new Label();
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        javafx.scene.layout.VBox box = new javafx.scene.layout.VBox(8, sktm, l, months, plain, annexLabel, annex, annexHint,
                note, problem);
        box.setPrefWidth(520);
        dialogs.form(messages.get("dinas.settings.title"), box, sktm, () -> {
            try {
                List<String> columns = java.util.Arrays.stream(annex.getText().split("[,\\s]+")).filter(c -> !c.isBlank()).toList();
                return java.util.Optional.of(ctx.dinas().saveSettings(new DinasService.Settings(sktm.isSelected(),
                        Integer.parseInt(months.getText().strip()), plain.isSelected(), columns)));
            } catch (NumberFormatException e) {
                problem.setText(messages.get("dinas.error.window", DinasService.MAX_WINDOW_MONTHS));
            } catch (id.berkasdesa.common.MessageException e) {
                problem.setText(e.message(messages));
            }
            return java.util.Optional.empty();
        }, () -> { });
    }

    @FXML void shortcuts() {
        dialogs.info(messages.get("menu.help.shortcuts"), messages.get("dinas.window.shortcuts"));
    }

    @FXML void exit() {
        Platform.exit();
    }
}
