package id.berkasdesa.dinas.ui;

import id.berkasdesa.common.MessageException;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.Session;
import id.berkasdesa.common.ui.BackgroundTasks;
import id.berkasdesa.common.ui.DialogService;
import id.berkasdesa.common.ui.Fxml;
import id.berkasdesa.common.ui.Page;
import id.berkasdesa.dinas.DinasService;
import id.berkasdesa.exchange.Progress;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * Kotak masuk: every village's bundles from a folder or a stick (or chosen files), each verified whole
 * and stored as one unit of work, or refused with the reason; a row per file as it is done, Batal stops
 * after the file in hand (what came before stays). Below, the register of the villages' keys: a first
 * bundle's key is confirmed here once the fingerprint was compared with the village's.
 */
public final class InboxView implements Page {

    @FXML javafx.scene.layout.BorderPane root;
    @FXML TableView<DinasService.InboxResult> results;
    @FXML TableColumn<DinasService.InboxResult, String> colFile, colResult, colVillage, colRequests, colReason;
    @FXML TableView<DinasService.VillageKey> keys;
    @FXML TableColumn<DinasService.VillageKey, String> colKode, colName, colFingerprint, colState;
    @FXML Button folderButton, filesButton, cancelButton, confirmButton, pinButton, replaceButton;
    @FXML Label summaryLabel;

    private final DinasService dinas;
    private final Messages messages;
    private final BackgroundTasks runner;
    private final DialogService dialogs;
    private final Supplier<Session> who;
    private final Parent view;
    private volatile Progress running;

    public InboxView(DinasService dinas, Messages messages, BackgroundTasks runner, DialogService dialogs, Supplier<Session> who) {
        this.dinas = dinas;
        this.messages = messages;
        this.runner = runner;
        this.dialogs = dialogs;
        this.who = who;
        this.view = Fxml.load(this, messages);
    }

    @Override
    public Parent view() {
        return view;
    }

    @FXML
    void initialize() {
        colFile.setCellValueFactory(c -> new ReadOnlyStringWrapper(String.valueOf(c.getValue().file().getFileName())));
        colResult.setCellValueFactory(c -> new ReadOnlyStringWrapper(messages.get("dinas.inbox.result." + c.getValue().outcome().code())));
        colVillage.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().village() == null ? "" : c.getValue().village()));
        colRequests.setCellValueFactory(c -> new ReadOnlyStringWrapper(String.valueOf(c.getValue().requests())));
        colReason.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().reason(messages) == null ? ""
                : c.getValue().reason(messages)));
        id.berkasdesa.common.ui.WrappingCells.install(colReason);
        colResult.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().removeAll("result-refused", "result-ok");
                DinasService.InboxResult r = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (r != null) {
                    getStyleClass().add(r.outcome() == DinasService.Outcome.REFUSED || r.outcome() == DinasService.Outcome.CONFLICT
                            ? "result-refused" : "result-ok");
                }
            }
        });
        colKode.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().kodeDesa()));
        colName.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().villageName() == null ? "" : c.getValue().villageName()));
        colFingerprint.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().fingerprint().isEmpty()
                ? messages.get("dinas.keys.awaiting") : c.getValue().fingerprint()));
        colState.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().conflictFingerprint() != null
                ? messages.get("dinas.keys.state.conflict", c.getValue().conflictFingerprint(), c.getValue().conflictFile())
                : messages.get(c.getValue().fingerprint().isEmpty() ? "dinas.keys.state.replaced"
                        : c.getValue().confirmed() ? "dinas.keys.state.confirmed" : "dinas.keys.state.new")));
        id.berkasdesa.common.ui.WrappingCells.install(colState);
        cancelButton.setVisible(false);
        cancelButton.managedProperty().bind(cancelButton.visibleProperty());
        folderButton.disableProperty().bind(runner.busy());
        filesButton.disableProperty().bind(runner.busy());
        var chosen = keys.getSelectionModel().selectedItemProperty();
        confirmButton.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> chosen.get() == null
                || chosen.get().confirmed() || chosen.get().fingerprint().isEmpty(), chosen));
        replaceButton.disableProperty().bind(chosen.isNull());
        root.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode() == javafx.scene.input.KeyCode.O) {
                fromFolder();
                e.consume();
            }
        });
    }

    @Override
    public void shown() {
        boolean mayImport = who.get().may("dinas.inbox");
        folderButton.setVisible(mayImport);
        filesButton.setVisible(mayImport);
        pinButton.setVisible(who.get().may("dinas.villageKey"));
        confirmButton.setVisible(who.get().may("dinas.villageKey"));
        replaceButton.setVisible(who.get().may("dinas.villageKey"));
        summaryLabel.setText(mayImport ? messages.get("dinas.inbox.hint") : messages.get("dinas.inbox.readOnly"));
        readKeys();
        (mayImport ? folderButton : keys).requestFocus();
    }

    private void readKeys() {
        runner.run("", p -> dinas.villageKeys(), k -> keys.getItems().setAll(k), this::failed);
    }

    /** Ambil dari folder/flashdisk (Ctrl+O): every bundle in the folder chosen. */
    @FXML
    void fromFolder() {
        if (!who.get().may("dinas.inbox") || runner.busy().get()) {
            return;
        }
        dialogs.chooseFolder(messages.get("dinas.inbox.chooseFolder")).ifPresent(folder -> {
            List<Path> files;
            try {
                files = DinasService.bundlesIn(folder);
            } catch (java.io.IOException e) {
                dialogs.error(messages.get("dinas.inbox.title"), messages.get("dinas.inbox.unreadable", folder.toString()));
                return;
            }
            if (files.isEmpty()) {
                dialogs.info(messages.get("dinas.inbox.title"), messages.get("dinas.inbox.noneIn", folder.toString()));
                return;
            }
            receive(files);
        });
    }

    /** Pilih berkas…: one or more bundles chosen by hand. */
    @FXML
    void fromFiles() {
        if (!who.get().may("dinas.inbox") || runner.busy().get()) {
            return;
        }
        List<Path> files = dialogs.chooseFiles(messages.get("dinas.inbox.chooseFiles"));
        if (!files.isEmpty()) {
            receive(files);
        }
    }

    @FXML
    void cancel() {
        Progress p = running;
        if (p != null) {
            p.cancel();
            cancelButton.setDisable(true);
        }
    }

    private void receive(List<Path> files) {
        results.getItems().clear();
        cancelButton.setDisable(false);
        cancelButton.setVisible(true);
        int n = files.size();
        runner.run(messages.get("dinas.inbox.running", n), sink -> {
            Map<DinasService.Outcome, Integer> counts = new EnumMap<>(DinasService.Outcome.class);
            int done = 0;
            Progress whole = new Progress(sink::accept);
            running = whole;
            for (int i = 0; i < n; i++) {
                int at = i;
                DinasService.InboxResult r;
                try {
                    whole.check();
                    r = dinas.receive(files.get(i), whole.phase((double) at / n, (double) (at + 1) / n));
                } catch (id.berkasdesa.exchange.BundleException e) {
                    break; // Batal: the file in hand was left whole, the rest not begun
                }
                if ("bundle.cancelled".equals(r.reasonKey())) {
                    break;
                }
                counts.merge(r.outcome(), 1, Integer::sum);
                done++;
                Platform.runLater(() -> results.getItems().add(r));
            }
            return new Summary(counts, done, n);
        }, s -> {
            running = null;
            cancelButton.setVisible(false);
            summaryLabel.setText(messages.get("dinas.inbox.summary", s.counts.getOrDefault(DinasService.Outcome.IMPORTED, 0),
                    s.counts.getOrDefault(DinasService.Outcome.ALREADY, 0), s.counts.getOrDefault(DinasService.Outcome.REFUSED, 0),
                    s.counts.getOrDefault(DinasService.Outcome.CONFLICT, 0), s.total - s.done));
            readKeys();
            results.requestFocus();
        }, e -> {
            running = null;
            cancelButton.setVisible(false);
            failed(e);
        });
    }

    private record Summary(Map<DinasService.Outcome, Integer> counts, int done, int total) {
    }

    /** Sidik jari cocok: the officer compared the fingerprint with the one the village read out. */
    @FXML
    void confirmKey() {
        DinasService.VillageKey k = keys.getSelectionModel().getSelectedItem();
        if (k == null || k.confirmed() || k.fingerprint().isEmpty()) {
            return;
        }
        if (dialogs.confirm(messages.get("dinas.keys.confirm.title"), messages.get("dinas.keys.confirm.text", k.kodeDesa(),
                k.villageName() == null ? "" : k.villageName(), k.fingerprint()), messages.get("dinas.keys.confirm.yes"),
                messages.get("dinas.keys.confirm.no"))) {
            runner.run("", p -> dinas.confirm(k.kodeDesa()), x -> readKeys(), this::failed);
        }
    }

    /** Catat kunci dari surat/telepon: a village's key registered ahead of its first bundle. */
    @FXML
    void pinKey() {
        Ask.lines(dialogs, messages, messages.get("dinas.keys.pin.title"), messages.get("dinas.keys.pin.text"),
                List.of("pinKodeField", "pinFingerprintField"),
                List.of(messages.get("dinas.keys.pin.kode"), messages.get("dinas.keys.pin.fingerprint")))
                .ifPresent(v -> runner.run("", p -> dinas.pin(v.get(0), v.get(1)), x -> readKeys(), this::failed));
    }

    /** Ganti kunci (Administrator): the village's next bundle pins its new key; the reason is kept. */
    @FXML
    void replaceKey() {
        DinasService.VillageKey k = keys.getSelectionModel().getSelectedItem();
        if (k == null) {
            return;
        }
        Ask.line(dialogs, messages, messages.get("dinas.keys.replace.title"), messages.get("dinas.keys.replace.text", k.kodeDesa()),
                "replaceReasonField").ifPresent(why -> runner.run("", p -> dinas.replace(k.kodeDesa(), why), x -> readKeys(),
                        this::failed));
    }

    private void failed(Throwable e) {
        dialogs.error(messages.get("dinas.inbox.title"), e instanceof MessageException m ? m.message(messages)
                : messages.get("dinas.ui.failed"));
    }
}
