package id.berkasdesa.app;

import id.berkasdesa.common.BuildInfo;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.ui.DialogService;
import id.berkasdesa.common.ui.Fxml;
import id.berkasdesa.common.ui.TaskRunner;
import id.berkasdesa.document.DocumentSettings;
import id.berkasdesa.document.ui.DocumentSettingsDialog;
import id.berkasdesa.household.ui.HouseholdPages;
import id.berkasdesa.village.SampleVillage;
import id.berkasdesa.village.VillageProfile;
import id.berkasdesa.village.ui.SetupView;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.StackPane;

/** The window's frame: menu, village header, content area, status bar. */
final class MainWindow {

    @FXML Label villageLabel, operatorLabel, sampleBanner, statusLabel, dataDirLabel, startupLabel;
    @FXML ProgressBar progressBar;
    @FXML StackPane content;
    @FXML MenuItem registerItem, startRealItem, documentSettingsItem;

    private final Messages messages;
    private final TaskRunner runner;
    private final DialogService dialogs;
    private final Parent view;
    private AppContext ctx;
    private HouseholdPages households;

    MainWindow(Messages messages, TaskRunner runner, DialogService dialogs) {
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
    }

    /** The store is open: first run goes to the setup, every later one to the register. */
    void opened(AppContext context, Path dataDir) {
        this.ctx = context;
        dataDirLabel.setText(messages.get("app.dataDir", dataDir.toString()));
        households = new HouseholdPages(ctx.households, ctx.documents, messages, runner, dialogs, this::show);
        if (ctx.profile().isEmpty()) {
            showSetup();
        } else {
            showRegister();
        }
        ctx.db.upgradeBackup().ifPresent(backup -> Platform.runLater(() -> dialogs.info(
                messages.get("app.upgradeBackup.title"), messages.get("app.upgradeBackup", backup.toString()))));
    }

    private void showSetup() {
        villageLabel.setText("");
        operatorLabel.setText("");
        sampleBanner.setVisible(false);
        registerItem.setDisable(true);
        documentSettingsItem.setDisable(true);
        startRealItem.setVisible(false);
        show(new SetupView(ctx.wilayah, ctx.villages, ctx.households, messages, runner, dialogs,
                () -> runner.run("", p -> ctx.reloadProfile(), c -> showRegister(), e -> { })).view());
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
        content.getChildren().setAll(page);
    }

    @FXML
    void showRegister() {
        VillageProfile p = ctx.profile().orElseThrow();
        villageLabel.setText(messages.get("app.village", p.namaDesa(), p.namaKantor()));
        operatorLabel.setText(messages.get("app.operator", p.namaOperator()));
        sampleBanner.setVisible(p.sample());
        startRealItem.setVisible(p.sample());
        registerItem.setDisable(false);
        documentSettingsItem.setDisable(false);
        households.showList();
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
        }, saved -> households.documentSettingsChanged(), this::documentSettingsFailed);
    }

    private void documentSettingsFailed(Throwable e) {
        dialogs.error(messages.get("document.settings.title"), messages.get("document.settings.failed"));
    }

    @FXML
    void about() {
        BuildInfo b = BuildInfo.current();
        dialogs.info(messages.get("about.title"), messages.get("about.text", b.version(), b.date()));
    }

    @FXML
    void exit() {
        Platform.exit();
    }
}
