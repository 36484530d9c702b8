package id.berkasdesa.document.ui;

import id.berkasdesa.common.Messages;
import id.berkasdesa.common.SafeLog;
import id.berkasdesa.common.ui.DialogService;
import id.berkasdesa.common.ui.Fxml;
import id.berkasdesa.common.ui.BackgroundTasks;
import id.berkasdesa.document.Checklist;
import id.berkasdesa.document.Document;
import id.berkasdesa.files.DocumentException;
import id.berkasdesa.document.DocumentService;
import id.berkasdesa.document.DocumentSettings;
import id.berkasdesa.common.DateText;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The documents of the selected member (and of the household): the checklist against the village's
 * requirement preset, the attached documents with original and upload-copy sizes, and attach / view /
 * detach. Files can also be dropped onto it.
 */
public final class DocumentPanel {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentPanel.class);

    @FXML VBox root;
    @FXML Label completeLabel, presetLabel, placeholder, attachMessage;
    @FXML FlowPane checklistPane;
    @FXML TableView<Document> documentTable;
    @FXML TableColumn<Document, String> colKind, colOwner, colDate, colPages, colSize, colNote;
    @FXML Button attachButton, viewButton, detachButton;

    private final DocumentService service;
    private final Messages messages;
    private final BackgroundTasks runner;
    private final DialogService dialogs;
    private final Runnable onChanged;
    private final DocumentPanelModel vm = new DocumentPanelModel();
    private final Parent view;
    private String memberName;

    /** @param onChanged told after the documents were (re)loaded, e.g. to refresh a checklist column */
    public DocumentPanel(DocumentService service, Messages messages, BackgroundTasks runner, DialogService dialogs,
            Runnable onChanged) {
        this.service = service;
        this.messages = messages;
        this.runner = runner;
        this.dialogs = dialogs;
        this.onChanged = onChanged;
        this.view = Fxml.load(this, messages);
    }

    public Parent view() {
        return view;
    }

    @FXML
    void initialize() {
        documentTable.setItems(vm.shown);
        colKind.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(kindText(c.getValue())));
        colOwner.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(messages.get(c.getValue().forHousehold()
                ? "document.owner.household" : "document.owner.member")));
        colDate.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(DateText.format(c.getValue().tanggal())));
        colPages.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(String.valueOf(c.getValue().copyPages())));
        colSize.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(messages.get("document.size",
                size(c.getValue().originalSize()), size(c.getValue().copySize()))));
        colNote.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(note(c.getValue())));
        vm.checklist.addListener((o, a, b) -> showChecklist(b));
        var noSelection = documentTable.getSelectionModel().selectedItemProperty().isNull();
        viewButton.disableProperty().bind(noSelection);
        detachButton.disableProperty().bind(Bindings.or(noSelection, runner.busy()));
        attachButton.disableProperty().bind(Bindings.or(vm.householdId.isNull(), runner.busy()));
        documentTable.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                open();
            }
        });
        documentTable.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                open();
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE) {
                detach();
                e.consume();
            }
        });
        root.setOnDragOver(this::dragOver);
        root.setOnDragDropped(this::dropped);
        showChecklist(null);
    }

    /** Shows the household's documents; {@code householdId} null while the KK is not saved yet. */
    public void showHousehold(UUID householdId) {
        vm.householdId.set(householdId);
        vm.all.clear();
        placeholder.setText(messages.get(householdId == null ? "document.saveFirst" : "document.empty"));
        if (householdId != null) {
            reload();
        }
    }

    /** The member whose checklist and documents to show; null for the household's own. */
    public void showMember(UUID memberId, String name) {
        this.memberName = memberId == null ? null : name;
        vm.memberId.set(memberId);
    }

    /** The checklist of one member of the shown household, for a column in the member list. */
    public Checklist checklistOf(UUID memberId) {
        return vm.checklistOf(memberId);
    }

    public boolean loaded() {
        return vm.householdId.get() != null;
    }

    private void reload() {
        UUID id = vm.householdId.get();
        runner.run("", p -> new Loaded(service.settings(), service.today(), service.forHousehold(id)), loaded -> {
            if (!id.equals(vm.householdId.get())) {
                return;
            }
            vm.settings = loaded.settings();
            vm.today = loaded.today();
            vm.all.setAll(loaded.documents());
            presetLabel.setText(messages.get("document.preset.shown", messages.get(loaded.settings().preset().key())));
            onChanged.run();
        }, e -> failed(e, "document.loadFailed"));
    }

    private record Loaded(DocumentSettings settings, java.time.LocalDate today, List<Document> documents) {
    }

    private void showChecklist(Checklist c) {
        checklistPane.getChildren().clear();
        if (c == null || vm.householdId.get() == null) {
            completeLabel.setText(messages.get("document.checklist.none"));
            completeLabel.getStyleClass().setAll("label", "checklist-summary");
            return;
        }
        for (Checklist.Item item : c.items()) {
            String state = item.state().name();
            Label chip = new Label(messages.get("document.state." + state, messages.get(item.kind().key()),
                    item.required() ? "" : messages.get("document.optional")));
            chip.getStyleClass().addAll("checklist-chip", state.toLowerCase(), item.required() ? "required" : "optional");
            checklistPane.getChildren().add(chip);
        }
        boolean member = vm.memberId.get() != null;
        completeLabel.setText(c.complete()
                ? messages.get(member ? "document.checklist.complete" : "document.checklist.householdComplete")
                : messages.get("document.checklist.incomplete", c.requiredPresent(), c.requiredCount()));
        completeLabel.getStyleClass().setAll("label", "checklist-summary", c.complete() ? "complete" : "incomplete");
    }

    private String kindText(Document d) {
        String kind = messages.get(d.kind().key());
        if (d.label() != null) {
            return kind + ": " + d.label();
        }
        if (d.diagnosis() != null) {
            return kind + " (" + messages.get(d.diagnosis().key()) + ")";
        }
        return kind;
    }

    private String note(Document d) {
        String note = "";
        if (vm.expired(d)) {
            note = messages.get("document.note.expired", DateText.format(d.validUntil(vm.settings.expiryMonths())));
        } else if (d.overLimit()) {
            note = messages.get("document.note.overLimit", size(vm.settings.maxCopyBytes()));
        }
        if (d.attachedBy() == null || d.attachedBy().isBlank()) {
            return note;
        }
        String by = messages.get("document.note.by", d.attachedBy());
        return note.isEmpty() ? by : note + " · " + by;
    }

    static String size(long bytes) {
        if (bytes >= 1_000_000) {
            return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_000_000.0).replace('.', ',');
        }
        return Math.max(1, Math.round(bytes / 1000.0)) + " KB";
    }

    @FXML
    /** The keyboard into the document list (Ctrl+D): the first document selected, Enter shows it, Delete removes it. */
    public void focusList() {
        documentTable.requestFocus();
        if (documentTable.getSelectionModel().isEmpty() && !documentTable.getItems().isEmpty()) {
            documentTable.getSelectionModel().select(0);
        }
    }

    /** For a Pemeriksa: documents are viewed, never attached or removed. */
    public void readOnly(boolean only) {
        for (Button b : List.of(attachButton, detachButton)) {
            b.setVisible(!only);
            b.setManaged(!only);
        }
    }

    public void attach() {
        if (vm.householdId.get() == null) {
            dialogs.error(messages.get("document.attach.title"), messages.get("document.saveFirst"));
            return;
        }
        if (runner.busy().get()) {
            return;
        }
        List<Path> files = dialogs.chooseFiles(messages.get("document.attach.choose"));
        if (!files.isEmpty()) {
            attachFiles(files);
        }
    }

    /** Asks what the files are and attaches them as one document (several files make one multi-page document). */
    public void attachFiles(List<Path> files) {
        UUID householdId = vm.householdId.get();
        if (householdId == null) {
            dialogs.error(messages.get("document.attach.title"), messages.get("document.saveFirst"));
            return;
        }
        List<Path> ordered = files.stream().sorted().toList();
        // where the operator was (a member's row, the checklist): the focus goes back there afterwards
        Node before = root.getScene() == null ? null : root.getScene().getFocusOwner();
        // the files first (on the worker): a file that will be refused is refused before anything is asked
        runner.run(messages.get("document.checking"), p -> service.checkFiles(ordered), problem -> {
            if (problem.isPresent()) {
                failed(problem.get(), "document.attachFailed");
                refocus(before);
                return;
            }
            ask(householdId, ordered, before);
        }, e -> {
            failed(e, "document.attachFailed");
            refocus(before);
        });
    }

    private void ask(UUID householdId, List<Path> ordered, Node before) {
        Optional<DocumentService.Attach> answer = AttachDialog.ask(service, messages, dialogs, householdId,
                vm.memberId.get(), memberName, ordered, AttachDialog.kindFromNames(ordered).orElse(vm.suggestedKind()));
        if (answer.isEmpty()) {
            attachMessage.setText(messages.get("document.attach.cancelled"));
            refocus(before);
            return;
        }
        attachMessage.setText("");
        runner.run(messages.get("document.attaching", ordered.size()), p -> service.attach(answer.get(), ordered), d -> {
            reload();
            documentTable.getSelectionModel().select(d);
            attachMessage.setText(messages.get("document.attach.done", kindText(d)));
            refocus(before);
        }, e -> {
            failed(e, "document.attachFailed");
            refocus(before);
        });
    }

    /** Focus back on {@code node} when it is still shown and enabled, else on the document list. */
    private void refocus(Node node) {
        Platform.runLater(() -> {
            if (node != null && node.getScene() == root.getScene() && !node.isDisabled() && node.isVisible()) {
                node.requestFocus();
            } else {
                documentTable.requestFocus();
            }
        });
    }

    @FXML
    void open() {
        Document d = documentTable.getSelectionModel().getSelectedItem();
        if (d != null) {
            DocumentViewer.show(service, messages, runner, dialogs, d, kindText(d), vm.settings.maxCopyBytes(), this::reload);
        }
    }

    @FXML
    void detach() {
        Document d = documentTable.getSelectionModel().getSelectedItem();
        if (d == null || runner.busy().get()) {
            return;
        }
        if (dialogs.confirmRisky(messages.get("document.detach.title"), messages.get("document.detach.text", kindText(d)),
                messages.get("document.detach.yes"), messages.get("document.detach.no"))) {
            runner.run("", p -> {
                service.detach(d.id());
                return d;
            }, x -> reload(), e -> failed(e, "document.detachFailed"));
        }
    }

    private void dragOver(DragEvent e) {
        if (e.getDragboard().hasFiles() && vm.householdId.get() != null) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }

    private void dropped(DragEvent e) {
        boolean ok = e.getDragboard().hasFiles() && vm.householdId.get() != null;
        if (ok) {
            List<Path> files = e.getDragboard().getFiles().stream().map(File::toPath).toList();
            Platform.runLater(() -> attachFiles(files));
        }
        e.setDropCompleted(ok);
        e.consume();
    }

    /** A failure in Bahasa Indonesia: the document rule's own message, else a general one. */
    private void failed(Throwable e, String fallbackKey) {
        if (e instanceof id.berkasdesa.common.MessageException d) { // a document rule, or not allowed for this role
            dialogs.error(messages.get("document.problem.title"), d.message(messages));
        } else {
            LOG.error("document action failed: {}", SafeLog.describe(e));
            dialogs.error(messages.get("document.problem.title"), messages.get(fallbackKey));
        }
    }
}
