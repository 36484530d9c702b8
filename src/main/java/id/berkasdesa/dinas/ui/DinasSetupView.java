package id.berkasdesa.dinas.ui;

import id.berkasdesa.common.MessageException;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.SafeLog;
import id.berkasdesa.common.ui.BackgroundTasks;
import id.berkasdesa.common.ui.DialogService;
import id.berkasdesa.common.ui.Fxml;
import id.berkasdesa.common.ui.KeyboardEntry;
import id.berkasdesa.dinas.DinasService;
import id.berkasdesa.wilayah.Area;
import id.berkasdesa.wilayah.Wilayah;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import org.slf4j.LoggerFactory;

/**
 * First run of a Dinas Sosial: which kabupaten/kota (type part of its name, ↓ and Enter), the office's
 * name, the first Administrator's name. "Kantor desa/kelurahan" at the top goes back to a village's setup.
 */
public final class DinasSetupView {

    @FXML TextField searchField, officeField, adminField;
    @FXML ListView<Area> results;
    @FXML Label chosenLabel, message;
    @FXML Button startButton, sampleButton;
    @FXML RadioButton kindVillage, kindDistrict;

    private final DinasSetupViewModel vm;
    private final Messages messages;
    private final BackgroundTasks runner;
    private final DialogService dialogs;
    private final BiConsumer<DinasService.Office, String> onDone;
    private final Runnable onVillage;
    private Runnable onSample = () -> { };
    private final Parent view;

    /**
     * @param onDone told on the FX thread of the office made and the Administrator's name typed
     * @param onVillage "Kantor desa/kelurahan" chosen instead
     */
    public DinasSetupView(Wilayah wilayah, CompletableFuture<DinasService> dinas, Messages messages, BackgroundTasks runner,
            DialogService dialogs, BiConsumer<DinasService.Office, String> onDone, Runnable onVillage) {
        this.vm = new DinasSetupViewModel(wilayah, dinas);
        this.messages = messages;
        this.runner = runner;
        this.dialogs = dialogs;
        this.onDone = onDone;
        this.onVillage = onVillage;
        this.view = Fxml.load(this, messages);
    }

    public Parent view() {
        return view;
    }

    /** "Coba dengan data contoh": an example office with three invented villages' bundles, made by the caller. */
    public DinasSetupView onSample(Runnable sample) {
        this.onSample = sample;
        return this;
    }

    @FXML
    void sample() {
        onSample.run();
    }

    @FXML
    void initialize() {
        ToggleGroup kind = new ToggleGroup();
        kindVillage.setToggleGroup(kind);
        kindDistrict.setToggleGroup(kind);
        kindDistrict.setSelected(true);
        kindVillage.setOnAction(e -> onVillage.run());
        message.managedProperty().bind(message.visibleProperty());
        message.setVisible(false);
        searchField.textProperty().bindBidirectional(vm.search);
        officeField.textProperty().bindBidirectional(vm.office);
        adminField.textProperty().bindBidirectional(vm.admin);
        results.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Area a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : a.name() + " — " + vm.where(a) + " (" + a.code() + ")");
            }
        });
        results.setPlaceholder(new Label(messages.get("dinas.setup.none")));
        results.setItems(FXCollections.observableArrayList(vm.matching("")));
        vm.search.addListener((o, a, b) -> results.setItems(FXCollections.observableArrayList(vm.matching(b))));
        KeyboardEntry.chooseFromResults(searchField, results, true, this::choose);
        vm.kabupaten.addListener((o, a, b) -> chosenLabel.setText(b == null ? messages.get("dinas.setup.notChosen")
                : messages.get("dinas.setup.chosen", b.name(), vm.where(b), b.code())));
        chosenLabel.setText(messages.get("dinas.setup.notChosen"));
        KeyboardEntry.enterMovesFocus(java.util.List.of(officeField, adminField));
        startButton.disableProperty().bind(runner.busy());
        sampleButton.disableProperty().bind(runner.busy());
    }

    private void choose(Area kabupatenKota) {
        Area before = vm.kabupaten.get();
        vm.kabupaten.set(kabupatenKota);
        if (vm.office.get().isBlank() || before != null && vm.office.get().equals(DinasSetupViewModel.officeFor(before))) {
            vm.office.set(DinasSetupViewModel.officeFor(kabupatenKota));
        }
        officeField.requestFocus();
        officeField.end();
    }

    @FXML
    void start() {
        var missing = vm.missing();
        if (missing.isPresent()) {
            message.setText(messages.get(missing.get()));
            message.setVisible(true);
            return;
        }
        message.setVisible(false);
        String admin = vm.admin.get().strip();
        runner.run(messages.get("dinas.setup.saving"), p -> vm.save(), office -> onDone.accept(office, admin), e -> {
            if (e instanceof MessageException m) {
                message.setText(m.message(messages));
                message.setVisible(true);
                return;
            }
            LoggerFactory.getLogger(DinasSetupView.class).error("district setup failed: {}", SafeLog.describe(e));
            dialogs.error(messages.get("setup.failed.title"), messages.get("setup.failed"));
        });
    }
}
