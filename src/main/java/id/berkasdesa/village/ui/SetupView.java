package id.berkasdesa.village.ui;

import id.berkasdesa.common.Messages;
import id.berkasdesa.common.SafeLog;
import id.berkasdesa.common.ui.DialogService;
import id.berkasdesa.common.ui.Fxml;
import id.berkasdesa.common.ui.KeyboardEntry;
import id.berkasdesa.common.ui.BackgroundTasks;
import id.berkasdesa.household.HouseholdService;
import id.berkasdesa.village.VillageService;
import id.berkasdesa.wilayah.Area;
import id.berkasdesa.wilayah.Wilayah;
import java.util.concurrent.CompletableFuture;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** First run: pick the village (search or province → desa), name the office and the operator. */
public final class SetupView {

    private static final Logger LOG = LoggerFactory.getLogger(SetupView.class);

    @FXML TextField searchField, kantorField, operatorField, kepalaField;
    @FXML ListView<Area> results;
    @FXML ComboBox<Area> provinsiBox, kabupatenBox, kecamatanBox, desaBox;
    @FXML Label message;
    @FXML Button startButton, sampleButton;
    @FXML javafx.scene.control.RadioButton kindVillage, kindDistrict;

    private final SetupViewModel vm;
    private final Messages messages;
    private final BackgroundTasks runner;
    private final DialogService dialogs;
    private final Runnable onDone;
    private BackgroundTasks.Debounced typing;
    private final Parent view;
    /** The village a search result asked for, applied once the cascade has loaded down to it. */
    private List<Area> pendingPath = List.of();

    public SetupView(Wilayah wilayah, VillageService villages, HouseholdService households, Messages messages,
            BackgroundTasks runner, DialogService dialogs, Runnable onDone) {
        this(wilayah, CompletableFuture.completedFuture(new SetupViewModel.Services(villages, households)), messages, runner,
                dialogs, onDone);
    }

    /**
     * The setup of a new data folder, shown while its store is still being made (its key, its
     * schema): the form takes typing at once; saving waits on the worker until {@code services} are there.
     */
    public SetupView(Wilayah wilayah, CompletableFuture<SetupViewModel.Services> services, Messages messages,
            BackgroundTasks runner, DialogService dialogs, Runnable onDone) {
        this.vm = new SetupViewModel(wilayah, services);
        this.messages = messages;
        this.runner = runner;
        this.dialogs = dialogs;
        this.onDone = onDone;
        this.view = Fxml.load(this, messages);
    }

    public Parent view() {
        return view;
    }

    /** What "Pulihkan dari cadangan…" does on a new PC: the window's restore (the store here is still empty). */
    private Runnable restoreAction = () -> { };

    public SetupView onRestore(Runnable action) {
        this.restoreAction = action;
        return this;
    }

    /** "Dinas Sosial kabupaten/kota" chosen at the top: the window shows the district's setup instead. */
    private Runnable districtAction;

    public SetupView onDistrict(Runnable action) {
        this.districtAction = action;
        kindDistrict.setVisible(action != null);
        kindVillage.getParent().setVisible(action != null);
        kindVillage.getParent().setManaged(action != null);
        return this;
    }

    /** A new PC whose village has a backup on a stick: restore it instead of setting up a new village. */
    @FXML
    void restore() {
        restoreAction.run();
    }

    @FXML
    void initialize() {
        message.managedProperty().bind(message.visibleProperty());
        message.setVisible(false);
        javafx.scene.control.ToggleGroup kind = new javafx.scene.control.ToggleGroup();
        kindVillage.setToggleGroup(kind);
        kindDistrict.setToggleGroup(kind);
        kindVillage.setSelected(true);
        kindDistrict.setOnAction(e -> {
            if (districtAction != null) {
                districtAction.run();
            }
        });
        kindVillage.getParent().setVisible(false); // offered only where the window can show a district's setup
        kindVillage.getParent().setManaged(false);
        for (ComboBox<Area> box : List.of(provinsiBox, kabupatenBox, kecamatanBox, desaBox)) {
            box.setConverter(new StringConverter<>() {
                @Override
                public String toString(Area a) {
                    return a == null ? "" : a.name();
                }

                @Override
                public Area fromString(String s) {
                    throw new UnsupportedOperationException();
                }
            });
            KeyboardEntry.typeAhead(box, messages);
        }
        provinsiBox.setItems(FXCollections.observableArrayList(vm.provinces()));
        cascade(provinsiBox, vm.provinsi, kabupatenBox);
        cascade(kabupatenBox, vm.kabupaten, kecamatanBox);
        cascade(kecamatanBox, vm.kecamatan, desaBox);
        desaBox.valueProperty().bindBidirectional(vm.desa);
        vm.desa.addListener((o, a, b) -> {
            if (b != null && (vm.kantor.get().isBlank() || a != null)) {
                vm.kantor.set(messages.get(SetupViewModel.isKelurahan(b) ? "setup.kantor.kelurahan" : "setup.kantor.desa",
                        b.name()));
            }
        });
        kantorField.textProperty().bindBidirectional(vm.kantor);
        operatorField.textProperty().bindBidirectional(vm.operator);
        kepalaField.textProperty().bindBidirectional(vm.kepala);

        results.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Area a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : a.name() + " — " + vm.where(a));
            }
        });
        results.setPlaceholder(new Label(messages.get("setup.search.none")));
        typing = runner.debounce(150, this::search);
        searchField.textProperty().addListener((o, a, b) -> typing.restart());
        KeyboardEntry.chooseFromResults(searchField, results, false, this::choose);
        startButton.disableProperty().bind(runner.busy());
        sampleButton.disableProperty().bind(runner.busy());
    }

    /** Choosing a parent loads its children (villages are read on first use) and clears what was below. */
    private void cascade(ComboBox<Area> box, ObjectProperty<Area> target, ComboBox<Area> next) {
        box.valueProperty().bindBidirectional(target);
        target.addListener((o, a, b) -> {
            next.setValue(null);
            next.getItems().clear();
            runner.run("", p -> vm.children(b), children -> {
                if (target.get() == b) {
                    next.setItems(FXCollections.observableArrayList(children));
                    applyPending(next);
                }
            }, e -> { });
        });
    }

    private void search() {
        String q = searchField.getText();
        runner.run("", p -> vm.search(q), found -> {
            if (q.equals(searchField.getText())) {
                results.setItems(FXCollections.observableArrayList(found));
            }
        }, e -> { });
    }

    private void choose(Area village) {
        pendingPath = vm.path(village);
        provinsiBox.setValue(null);
        applyPending(provinsiBox);
        kantorField.requestFocus();
    }

    private void applyPending(ComboBox<Area> box) {
        for (Area a : pendingPath) {
            if (box.getItems().contains(a)) {
                box.setValue(a);
                if (box == desaBox) {
                    pendingPath = List.of();
                }
                return;
            }
        }
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
        var profile = vm.profile();
        runner.run(messages.get("setup.saving"), p -> {
            vm.save(profile);
            return null;
        }, ok -> onDone.run(), this::failed);
    }

    @FXML
    void sample() {
        runner.run(messages.get("setup.sample.filling"), p -> {
            vm.fillSample(p);
            return null;
        }, ok -> onDone.run(), this::failed);
    }

    private void failed(Throwable e) {
        LOG.error("village setup failed: {}", SafeLog.describe(e));
        dialogs.error(messages.get("setup.failed.title"), messages.get("setup.failed"));
    }
}
