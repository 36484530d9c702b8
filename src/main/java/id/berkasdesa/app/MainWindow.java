package id.berkasdesa.app;

import id.berkasdesa.backup.Restore;
import id.berkasdesa.bundle.ui.BundleActions;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.Trace;
import id.berkasdesa.common.ui.BackgroundTasks;
import id.berkasdesa.common.ui.DialogService;
import id.berkasdesa.common.ui.Fxml;
import id.berkasdesa.household.ui.HouseholdPages;
import id.berkasdesa.imports.ui.ImportActions;
import id.berkasdesa.keys.CipherWarmUp;
import id.berkasdesa.letter.ui.LetterDialog;
import id.berkasdesa.pbi.ui.CandidatesView;
import id.berkasdesa.pbi.ui.PbiActions;
import id.berkasdesa.request.RequestListPdf;
import id.berkasdesa.request.ui.RequestPages;
import id.berkasdesa.village.VillageProfile;
import id.berkasdesa.wiring.Wiring;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
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
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/**
 * The window's shell: menu, village header, content area, status bar. It builds the feature pages
 * when the store opens and hands each menu item to what does it: {@link SessionFlow} (who is at the
 * window), {@link MenuModel} (what is offered), {@link Navigator} (which page), {@link MenuCommands}
 * (the dialogs).
 */
final class MainWindow {

    @FXML Label villageLabel, operatorLabel, sampleBanner, statusLabel, dataDirLabel, startupLabel, backupLabel;
    @FXML ProgressBar progressBar;
    @FXML StackPane content;
    @FXML MenuItem backupItem, restoreItem, checkItem, rekeyItem, letterListItem, letterSettingsItem;
    @FXML MenuItem registerItem, startRealItem, documentSettingsItem, requestSettingsItem, reevaluateItem, passwordItem,
            switchUserItem, accountsItem, auditItem, signOutItem, lockSettingsItem, villageSettingsItem, exportItem, responseItem,
            districtKeyItem, importItem, exportRegisterItem, candidatesItem, pbiItem;
    @FXML Menu bundleMenu, requestMenu;
    @FXML javafx.scene.control.SeparatorMenuItem registerSeparator, importSeparator, letterSeparator;
    @FXML BorderPane root;
    @FXML HBox navBar;
    @FXML ToggleButton navHome, navRegister, navRequests, navCandidates;

    private final Messages messages;
    private final BackgroundTasks runner;
    private final DialogService dialogs;
    private final Parent view;
    final SessionFlow session;
    final MenuCommands commands;
    MenuModel menus;
    Navigator pages;
    AppContext ctx;
    HouseholdPages households;
    RequestPages requests;
    private BundleActions bundles;
    private ImportActions imports;
    private PbiActions pbi;
    private CandidatesView candidates;
    private Runnable dashboardShown = () -> { };

    MainWindow(Messages messages, BackgroundTasks runner, DialogService dialogs) {
        this.messages = messages;
        this.runner = runner;
        this.dialogs = dialogs;
        this.session = new SessionFlow(this, messages, runner, dialogs);
        this.commands = new MenuCommands(this, messages, runner, dialogs);
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
        menus = new MenuModel(this);
        pages = new Navigator(content, List.of(navHome, navRegister, navRequests, navCandidates));
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

    /** While the store opens: the home screen's view is loaded once, so it appears at once later. */
    void warmUp() {
        RequestPages.warmUp(messages);
    }

    /** Told once the home screen shows its numbers (start-up benchmark). */
    void onDashboardShown(Runnable listener) {
        this.dashboardShown = listener;
    }

    void storeControl(StoreControl control) {
        this.store = control;
        commands.storeControl(control);
    }

    /** The store is open: the feature pages are built; first run goes to the setup, every later one to the home screen. */
    void opened(AppContext context, Path dataDir) {
        this.dataDir = dataDir;
        if (context.office().isPresent()) {
            district(context, null);
            return;
        }
        if (prepared != context) {
            build(context);
        }
        this.ctx = context;
        dataDirLabel.setText(StoreControl.where(messages, dataDir));
        households.usesRw(ctx.usesRw); // read beside the sign-in, with the home screen's numbers
        if (ctx.profile().isEmpty()) {
            if (!session.storeReady(ctx)) {
                session.showSetup();
            }
        } else {
            session.signIn(session::enter);
        }
        ctx.db().upgradeBackup().ifPresent(backup -> Platform.runLater(() -> dialogs.info(
                messages.get("app.upgradeBackup.title"), messages.get("app.upgradeBackup", backup.toString()))));
    }

    /** The store {@link #build} built the pages for, ahead of {@link #opened}; null when none. */
    private AppContext prepared;

    /**
     * A village's store just unlocked by the sign-in: its pages are built now, on the JavaFX thread
     * that would otherwise wait while the worker checks the password against the account and reads
     * the home screen's numbers (some 0.4 s), so that Enter costs less after. Nothing is shown, and
     * nothing is read, until {@link #opened}.
     */
    void prepare(AppContext context) {
        if (prepared != context && context.office().isEmpty()) {
            build(context);
        }
    }

    /** The village's pages and actions over {@code context}'s services (their data is read when they show). */
    private void build(AppContext context) {
        prepared = context;
        Trace.mark("pages-building");
        requests = new RequestPages(context.requests(), messages, runner, dialogs, pages::show, this::pdfHeading);
        requests.onDashboardShown(() -> {
            dashboardShown.run();
            CipherWarmUp.start(); // the first bundle, backup or restore of this session at full speed
        });
        requests.onListShown(() -> pages.select(navRequests));
        bundles = new BundleActions(context.bundles(), context.responses(), messages, runner, dialogs, () -> requests.refresh());
        imports = new ImportActions(context.imports(), messages, runner, dialogs, this::showRegister);
        pbi = new PbiActions(context.pbi(), messages, runner, dialogs, this::showCandidates);
        candidates = new CandidatesView(context.pbi(), messages, runner, c -> {
            pages.select(navRequests);
            requests.requestFor(c.householdId(), c.memberId(), c.deletedOn(), this::showCandidates);
        });
        households = new HouseholdPages(context.households(), context.documents(), messages, runner, dialogs, pages::show,
                (household, member, back) -> {
                    pages.select(navRequests);
                    requests.requestFor(household, member, () -> {
                        pages.select(navRegister);
                        back.run();
                    });
                });
        households.onLetter((household, member) -> new LetterDialog(context.letters(), messages, dialogs, runner)
                .show(household, member, households::documentSettingsChanged));
        requests.letters((household, member, issued) -> new LetterDialog(context.letters(), messages, dialogs, runner)
                .show(household, member, issued));
        Trace.mark("pages-built");
    }

    private Path dataDir;

    /**
     * A Dinas Sosial's store: the district's own window takes over this one's place in the scene.
     *
     * @param admin the first Administrator's name typed at the district's setup, or null
     */
    void district(AppContext context, String admin) {
        this.ctx = context;
        DistrictWindow district = new DistrictWindow(context, dataDir, messages, runner, dialogs,
                store == null || Wiring.serverName().isPresent() ? null : this::startRealOffice);
        shellScene = view.getScene();
        shellScene.setRoot(district.view());
        district.start(admin);
    }

    /** The window's scene, whose root a district's window took over. */
    private javafx.scene.Scene shellScene;

    /** The window's store, for a restore and for a sample office set aside (none in a test of a page alone). */
    private StoreControl store;

    /**
     * The sample Dinas Sosial set aside for the real office (asked and confirmed by the district's
     * window): the store closed, moved whole into a {@code disisihkan-…} folder of the data folder (not
     * deleted), and the folder opened again as at a first start, in this window: the setup, where the
     * officer chooses the office's kabupaten/kota and its first Administrator.
     */
    private void startRealOffice() {
        runner.run(messages.get("dinas.startReal.working"), p -> {
            store.close();
            Path aside = Restore.setAside(dataDir);
            return java.util.Map.entry(aside, AppContext.open(dataDir, java.time.Clock.systemDefaultZone()));
        }, opened -> {
            store.opened(opened.getValue());
            shellScene.setRoot(view); // set by district(), which built the window that offers this
            opened(opened.getValue(), dataDir);
            dialogs.info(messages.get("dinas.startReal.title"), messages.get("dinas.startReal.done", opened.getKey().toString()));
        }, e -> dialogs.error(messages.get("dinas.startReal.title"), e instanceof id.berkasdesa.common.MessageException me
                ? me.message(messages) : messages.get("dinas.startReal.failed")));
    }

    /** An encrypted store: the sign-in opens it (see {@link SessionFlow#lockedStore}). */
    void lockedStore(Path dataDir, id.berkasdesa.keys.KeyRing.Named locked, Consumer<AppContext> opened) {
        session.lockedStore(dataDir, locked, opened);
    }

    void failed(String text) {
        startupLabel.setText(text);
        startupLabel.setWrapText(true);
    }

    private RequestListPdf.Heading pdfHeading() {
        VillageProfile p = ctx.profile().orElseThrow();
        return new RequestListPdf.Heading(p.namaDesa(), p.namaKantor(), ctx.session().operator(), p.namaKepalaDesa(), "",
                ctx.requests().today());
    }

    // ----- the pages (Ctrl+1 … Ctrl+4 and the page buttons)

    /** The home screen: the request dashboard. */
    @FXML void showHome() {
        session.frame();
        pages.select(navHome);
        requests.showDashboard();
    }

    @FXML void showRegister() {
        session.frame();
        pages.select(navRegister);
        households.showList();
    }

    @FXML void showRequests() {
        session.frame();
        pages.select(navRequests);
        requests.showList();
    }

    /** Usulan → Calon usulan (Ctrl+4): who the Dinas Sosial's list says could still be reactivated. */
    @FXML void showCandidates() {
        session.frame();
        pages.select(navCandidates);
        pages.show(candidates);
    }

    // ----- the menus' items: each hands over to what does it

    @FXML void switchUser() { session.switchUser(); }
    @FXML void signOut() { session.signOut(); }
    @FXML void lockSettings() { session.lockSettings(); }
    @FXML void startReal() { session.startReal(); }
    @FXML void accounts() { commands.accounts(); }
    @FXML void rekey() { commands.rekey(null); }
    @FXML void backup() { commands.backup(Optional.empty()); }
    @FXML void restore() { commands.restore(); }
    @FXML void check() { commands.check(); }
    @FXML void districtKey() { commands.districtKey(); }
    @FXML void audit() { commands.audit(); }
    @FXML void changePassword() { commands.changePassword(); }
    @FXML void villageSettings() { commands.villageSettings(); }
    @FXML void requestSettings() { commands.requestSettings(); }
    @FXML void documentSettings() { commands.documentSettings(); }
    @FXML void reevaluate() { requests.reevaluate(true); }
    @FXML void importPbi() { pbi.importList(); }
    @FXML void importPopulation() { imports.importPopulation(); }
    @FXML void exportRegister() { imports.exportRegister(); }
    @FXML void exportBundle() { bundles.export(commands::offerBackup); }
    @FXML void readResponse() { bundles.readResponse(); }
    @FXML void verifyBundle() { bundles.verify(); }
    @FXML void letterList() { commands.letterList(); }
    @FXML void letterSettings() { commands.letterSettings(); }
    @FXML void letterCheck() { commands.letterCheck(); }
    @FXML void about() { commands.about(); }
    @FXML void shortcuts() { HelpDialogs.shortcuts(messages, dialogs); }
    @FXML void howTo() { HelpDialogs.howTo(messages, dialogs); }
    @FXML void exit() { Platform.exit(); }
}
