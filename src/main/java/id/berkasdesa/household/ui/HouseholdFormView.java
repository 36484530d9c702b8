package id.berkasdesa.household.ui;

import id.berkasdesa.common.Finding;
import id.berkasdesa.common.Findings;
import id.berkasdesa.common.MessageException;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.SafeLog;
import id.berkasdesa.common.ui.DialogService;
import id.berkasdesa.common.ui.FieldMessages;
import id.berkasdesa.common.ui.Fxml;
import id.berkasdesa.common.ui.KeyboardEntry;
import id.berkasdesa.common.ui.BackgroundTasks;
import id.berkasdesa.document.Checklist;
import id.berkasdesa.document.DocumentService;
import id.berkasdesa.document.ui.DocumentPanel;
import id.berkasdesa.household.CodeList;
import id.berkasdesa.household.Household;
import id.berkasdesa.household.HouseholdService;
import id.berkasdesa.household.MemberStatus;
import id.berkasdesa.household.SaveResult;
import id.berkasdesa.adminduk.Sex;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Kartu Keluarga form: KK fields on top, members on the left, the selected member's fields on the right. */
public final class HouseholdFormView {

    private static final Logger LOG = LoggerFactory.getLogger(HouseholdFormView.class);

    @FXML BorderPane root;
    @FXML Label title;
    @FXML Label sampleBadge;
    @FXML Label previousKkLabel;
    @FXML Button saveButton;
    @FXML Button backButton;
    @FXML Label householdMessage;
    @FXML TextField noKkField, alamatField, rtField, rwField, dusunField, kodePosField;
    @FXML Label noKkMessage, alamatMessage, rtMessage, rwMessage, dusunMessage, kodePosMessage;
    @FXML Label rwLabel;
    @FXML GridPane kkGrid;
    @FXML Button addMemberButton;
    @FXML Button removeMemberButton;
    @FXML Button requestButton;
    @FXML Button letterButton;
    @FXML TableView<MemberDraft> memberTable;
    @FXML TableColumn<MemberDraft, String> colNo, colCheck, colNama, colShdk, colStatus, colDocs;
    @FXML TabPane memberTabs;
    @FXML Tab dataTab, documentsTab;
    @FXML GridPane memberGrid;
    @FXML ScrollPane editorScroll;
    @FXML TextField nikField, namaField, tempatLahirField, tanggalLahirField, namaAyahField, namaIbuField, statusDateField;
    @FXML CheckBox tanpaNikBox;
    @FXML ComboBox<Sex> sexBox;
    @FXML ComboBox<CodeList.Code> agamaBox, pendidikanBox, pekerjaanBox, kawinBox, shdkBox, wnBox;
    @FXML ComboBox<MemberStatus> statusBox;
    @FXML Label nikMessage, namaMessage, sexMessage, tempatLahirMessage, tanggalLahirMessage, agamaMessage,
            pendidikanMessage, pekerjaanMessage, kawinMessage, shdkMessage, wnMessage, namaAyahMessage,
            namaIbuMessage, statusMessage;

    private final HouseholdFormViewModel vm;
    private final Messages messages;
    private final BackgroundTasks runner;
    private final DialogService dialogs;
    private final Runnable onClose;
    private final FieldMessages kkMessages;
    private final FieldMessages memberMessages;
    private MemberEditor editor;
    private final DocumentPanel documents;
    private final Parent view;

    /** Opens a member's reactivation request (household id, member id); set by the window. */
    private final BiConsumer<UUID, UUID> onRequest;

    HouseholdFormView(HouseholdService service, DocumentService documentService, Messages messages, BackgroundTasks runner,
            DialogService dialogs, Runnable onClose, BiConsumer<UUID, UUID> onRequest) {
        this.onRequest = onRequest;
        this.vm = new HouseholdFormViewModel(service);
        this.documents = new DocumentPanel(documentService, messages, runner, dialogs, this::documentsChanged);
        this.messages = messages;
        this.runner = runner;
        this.dialogs = dialogs;
        this.onClose = onClose;
        this.kkMessages = new FieldMessages(messages);
        this.memberMessages = new FieldMessages(messages);
        this.view = Fxml.load(this, messages);
    }

    Parent view() {
        return view;
    }

    /**
     * For a Pemeriksa: every field can be read and copied but not changed, and the buttons that would
     * change something (Simpan, Tambah anggota, Hapus, Usulan reaktivasi, Lampirkan) are not offered;
     * a line above the form says why.
     */
    void readOnly(boolean only) {
        for (javafx.scene.Node n : root.lookupAll(".text-input")) {
            if (n instanceof javafx.scene.control.TextInputControl t) {
                t.setEditable(!only);
            }
        }
        for (javafx.scene.Node n : root.lookupAll(".combo-box-base")) {
            n.setMouseTransparent(only);
            n.setFocusTraversable(!only);
        }
        tanpaNikBox.setMouseTransparent(only);
        for (Button b : List.of(saveButton, addMemberButton, removeMemberButton, requestButton, letterButton)) {
            b.setVisible(!only);
            b.setManaged(!only);
        }
        documents.readOnly(only);
        if (only) {
            householdMessage.setText(messages.get("household.form.readOnly"));
            householdMessage.setVisible(true);
            householdMessage.setManaged(true);
        }
        this.readOnly = only;
    }

    private boolean readOnly;

    /**
     * A village without RW (its setting): the RW field, its label and message are hidden, their column
     * goes to the address, and a new KK's RW is "-".
     */
    void usesRw(boolean uses) {
        for (javafx.scene.Node n : List.of(rwLabel, rwField, rwMessage)) {
            n.setVisible(uses);
        }
        var rwColumn = kkGrid.getColumnConstraints().get(3);
        var alamatColumn = kkGrid.getColumnConstraints().get(1);
        if (!uses && rwColumn.getPercentWidth() > 0) {
            alamatColumn.setPercentWidth(alamatColumn.getPercentWidth() + rwColumn.getPercentWidth());
            rwColumn.setPercentWidth(0);
        }
        if (!uses && vm.rw.get().isBlank()) {
            vm.rw.set(id.berkasdesa.household.HouseholdRules.NO_RW);
        }
    }

    @FXML
    void initialize() {
        editor = new MemberEditor(this, messages);
        kkMessages.bind("noKk", noKkField, noKkMessage);
        kkMessages.bind("alamat", alamatField, alamatMessage);
        kkMessages.bind("rt", rtField, rtMessage);
        kkMessages.bind("rw", rwField, rwMessage);
        kkMessages.bind("dusun", dusunField, dusunMessage);
        kkMessages.bind("kodePos", kodePosField, kodePosMessage);
        memberMessages.bind("nik", nikField, nikMessage);
        memberMessages.bind("nama", namaField, namaMessage);
        memberMessages.bind("sex", sexBox, sexMessage);
        memberMessages.bind("tempatLahir", tempatLahirField, tempatLahirMessage);
        memberMessages.bind("tanggalLahir", tanggalLahirField, tanggalLahirMessage);
        memberMessages.bind("agama", agamaBox, agamaMessage);
        memberMessages.bind("pendidikan", pendidikanBox, pendidikanMessage);
        memberMessages.bind("pekerjaan", pekerjaanBox, pekerjaanMessage);
        memberMessages.bind("statusPerkawinan", kawinBox, kawinMessage);
        memberMessages.bind("shdk", shdkBox, shdkMessage);
        memberMessages.bind("kewarganegaraan", wnBox, wnMessage);
        memberMessages.bind("namaAyah", namaAyahField, namaAyahMessage);
        memberMessages.bind("namaIbu", namaIbuField, namaIbuMessage);
        memberMessages.bind("status", statusBox, statusMessage);

        noKkField.textProperty().bindBidirectional(vm.noKk);
        alamatField.textProperty().bindBidirectional(vm.alamat);
        rtField.textProperty().bindBidirectional(vm.rt);
        rwField.textProperty().bindBidirectional(vm.rw);
        dusunField.textProperty().bindBidirectional(vm.dusun);
        kodePosField.textProperty().bindBidirectional(vm.kodePos);

        memberTable.setItems(vm.members);
        colNo.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(String.valueOf(vm.members.indexOf(c.getValue()) + 1)));
        colCheck.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(vm.memberHasErrors(c.getValue()) ? "✖" : ""));
        colCheck.getStyleClass().add("check-column");
        colNama.setCellValueFactory(c -> c.getValue().nama);
        colShdk.setCellValueFactory(c -> Bindings.createStringBinding(
                () -> c.getValue().shdk.get() == null ? "" : c.getValue().shdk.get().label(), c.getValue().shdk));
        colStatus.setCellValueFactory(c -> Bindings.createStringBinding(
                () -> messages.get("member.status.short." + c.getValue().status.get()), c.getValue().status));
        colDocs.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(documentSummary(c.getValue())));
        colDocs.getStyleClass().add("docs-column");
        documentsTab.setContent(documents.view());
        memberTable.setRowFactory(t -> dropTarget(new TableRow<>()));
        memberTable.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selected.set(b);
            }
        });
        vm.selected.addListener((o, a, b) -> {
            memberMessages.reset(b != null && b.revealed);
            editor.show(b);
            documents.showMember(b != null && b.stored ? b.id : null, b == null ? null : b.nama.get());
            memberTable.getSelectionModel().select(b);
            showFindings(vm.findings().get());
        });
        vm.findings().addListener((o, a, b) -> showFindings(b));
        removeMemberButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> vm.selected.get() == null || vm.selected.get().stored, vm.selected));
        requestButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> vm.selected.get() == null || !vm.selected.get().stored || onRequest == null, vm.selected));
        letterButton.disableProperty().bind(Bindings.createBooleanBinding(
                () -> vm.selected.get() == null || !vm.selected.get().stored, vm.selected));
        saveButton.disableProperty().bind(runner.busy());
        sampleBadge.managedProperty().bind(sampleBadge.visibleProperty());
        previousKkLabel.managedProperty().bind(previousKkLabel.visibleProperty());
        previousKkLabel.setVisible(false);

        List<Control> order = new ArrayList<>(List.of(noKkField, alamatField, rtField, rwField, dusunField, kodePosField));
        order.addAll(editor.order());
        KeyboardEntry.enterMovesFocus(order);
        // "Belum memiliki NIK" is reached with Tab, not with Enter: Enter after the NIK goes to the name
        KeyboardEntry.enterMovesFocus(List.of(tanpaNikBox, namaField));
        KeyboardEntry.scrollToFocused(editorScroll, memberGrid);
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
    }

    private void shortcut(KeyEvent e) {
        if (readOnly && e.isShortcutDown() && List.of(KeyCode.S, KeyCode.T, KeyCode.U, KeyCode.L, KeyCode.K).contains(e.getCode())) {
            e.consume(); // nothing to save, add, request or attach for someone who only looks
            return;
        }
        if (e.isShortcutDown() && e.getCode() == KeyCode.S) {
            save();
        } else if (e.isShortcutDown() && e.getCode() == KeyCode.T) {
            addMember();
        } else if (e.isShortcutDown() && e.getCode() == KeyCode.U) {
            request();
        } else if (e.isShortcutDown() && e.getCode() == KeyCode.K) {
            letter();
        } else if (e.isShortcutDown() && !e.isShiftDown() && e.getCode() == KeyCode.L) {
            memberTabs.getSelectionModel().select(documentsTab);
            documents.attach();
        } else if (e.isShortcutDown() && e.getCode() == KeyCode.D) {
            boolean toDocuments = memberTabs.getSelectionModel().getSelectedItem() != documentsTab;
            memberTabs.getSelectionModel().select(toDocuments ? documentsTab : dataTab);
            if (toDocuments) {
                // the list itself takes the keyboard: arrows choose, Enter shows (Lihat), no mouse needed
                javafx.application.Platform.runLater(documents::focusList);
            }
        } else if (e.isShortcutDown() && (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN)) {
            int next = vm.members.indexOf(vm.selected.get()) + (e.getCode() == KeyCode.UP ? -1 : 1);
            if (next >= 0 && next < vm.members.size()) {
                vm.selected.set(vm.members.get(next));
                nikField.requestFocus();
            }
        } else if (e.getCode() == KeyCode.ESCAPE && !choiceListOpen()) {
            back();
        } else {
            return;
        }
        e.consume();
    }

    private boolean choiceListOpen() {
        return root.getScene() != null && root.getScene().getFocusOwner() instanceof ComboBox<?> box && box.isShowing();
    }

    void startNew() {
        kkMessages.reset(false);
        vm.startNew();
        title.setText(messages.get("household.form.titleNew"));
        sampleBadge.setVisible(false);
        documents.showHousehold(null);
        noKkField.requestFocus();
    }

    void load(Household h, List<String> previousKk) {
        kkMessages.reset(true);
        documents.showHousehold(h.id());
        vm.load(h);
        title.setText(messages.get("household.form.titleEdit", h.noKk()));
        sampleBadge.setVisible(h.sample());
        previousKkLabel.setText(previousKk.isEmpty() ? "" : messages.get("household.form.previousKk", String.join(", ", previousKk)));
        previousKkLabel.setVisible(!previousKk.isEmpty());
        noKkField.requestFocus();
    }

    /**
     * Selects the first member whose name contains {@code typed} (two letters or more), or whose NIK
     * contains its digits (four or more, when it is digits only): the person the list's search found.
     * Nothing changes when no member matches (a No. KK or an address was typed).
     */
    void selectMatching(String typed) {
        if (typed == null || typed.isBlank()) {
            return;
        }
        String t = typed.strip().toUpperCase(java.util.Locale.ROOT);
        String compact = t.replaceAll("[\\s.\\-]", "");
        boolean digitsOnly = compact.chars().allMatch(Character::isDigit);
        for (MemberDraft d : vm.members) {
            boolean byName = !digitsOnly && t.length() >= 2
                    && d.nama.get().toUpperCase(java.util.Locale.ROOT).contains(t);
            boolean byNik = digitsOnly && compact.length() >= 4 && d.nik.get() != null && d.nik.get().contains(compact);
            if (byName || byNik) {
                memberTable.getSelectionModel().select(d);
                memberTable.scrollTo(d);
                return;
            }
        }
    }

    private void showFindings(Findings findings) {
        kkMessages.show(findings, "");
        MemberDraft d = vm.selected.get();
        memberMessages.show(d == null ? Findings.NONE : findings, d == null ? "" : vm.memberPrefix(d));
        List<String> lines = new ArrayList<>(vm.householdLevel().stream().map(f -> f.message(messages)).toList());
        if (readOnly) {
            lines.add(0, messages.get("household.form.readOnly"));
        }
        householdMessage.setText(String.join("\n", lines));
        householdMessage.setVisible(!lines.isEmpty());
        householdMessage.setManaged(!lines.isEmpty());
        memberTable.refresh();
    }

    /** "✔" when the member's required documents are all there, else how many of them are. */
    private String documentSummary(MemberDraft d) {
        if (!d.stored || !documents.loaded()) {
            return "";
        }
        Checklist c = documents.checklistOf(d.id);
        return c.complete() ? "✔" : c.requiredPresent() + "/" + c.requiredCount();
    }

    /** Reads the documents and the document settings again (the checklist follows the settings). */
    void reloadDocuments() {
        documents.showHousehold(vm.savedId());
    }

    private void documentsChanged() {
        memberTable.refresh();
    }

    /** Files dropped on a saved member's row are attached to that member. */
    private TableRow<MemberDraft> dropTarget(TableRow<MemberDraft> row) {
        row.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && row.getItem() != null && row.getItem().stored) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        row.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles() && row.getItem() != null && row.getItem().stored;
            if (ok) {
                vm.selected.set(row.getItem());
                memberTabs.getSelectionModel().select(documentsTab);
                List<Path> files = e.getDragboard().getFiles().stream().map(File::toPath).toList();
                Platform.runLater(() -> documents.attachFiles(files));
            }
            e.setDropCompleted(ok);
            e.consume();
        });
        return row;
    }

    /** Ctrl+T from anywhere in the form: the member data tab, a new member, the cursor in its NIK. */
    @FXML
    void addMember() {
        vm.addMember();
        memberTabs.getSelectionModel().select(dataTab);
        // the tab's content becomes focusable only once it is shown: ask after this pulse
        nikField.requestFocus();
        Platform.runLater(nikField::requestFocus);
    }

    @FXML
    void removeMember() {
        vm.removeSelected();
    }

    @FXML
    void save() {
        if (runner.busy().get()) {
            return;
        }
        kkMessages.revealAll();
        vm.members.forEach(d -> d.revealed = true);
        memberMessages.revealAll();
        if (vm.findings().get().hasErrors()) {
            refuse(vm.findings().get());
            return;
        }
        // marking someone dead ends their requests' chances: asked once, by name, before the save
        List<String> died = vm.members.stream()
                .filter(d -> d.status.get() == id.berkasdesa.household.MemberStatus.MENINGGAL
                        && d.savedStatus != id.berkasdesa.household.MemberStatus.MENINGGAL)
                .map(d -> d.nama.get().strip()).toList();
        if (!died.isEmpty() && !dialogs.confirmRisky(messages.get("household.form.died.title"),
                messages.get("household.form.died", String.join(", ", died)), messages.get("household.form.died.yes"),
                messages.get("dialog.cancel"))) {
            return;
        }
        save(false);
    }

    private void save(boolean confirmed) {
        Household snapshot = vm.toHousehold();
        runner.run(messages.get("household.form.saving"), p -> vm.save(snapshot, confirmed), this::afterSave,
                e -> {
                    LOG.error("household save failed: {}", SafeLog.describe(e));
                    // a refusal that explains itself (not allowed for this role) is shown as it is
                    dialogs.error(messages.get("household.form.saveFailed.title"), e instanceof MessageException m
                            ? m.message(messages) : messages.get("household.form.saveFailed"));
                });
    }

    private void afterSave(SaveResult result) {
        if (result.saved()) {
            documents.showHousehold(result.household().id());
            vm.saved(result);
            title.setText(messages.get("household.form.titleEdit", result.household().noKk()));
            householdMessage.setText(messages.get("household.form.saved", result.household().noKk(),
                    result.household().members().size()));
            householdMessage.getStyleClass().setAll("household-message", "saved");
            householdMessage.setVisible(true);
            householdMessage.setManaged(true);
            return;
        }
        vm.saved(result);
        if (result.needsConfirmation()) {
            String text = messages.get("household.form.confirmWarnings", describe(result.findings().warnings()));
            if (dialogs.confirm(messages.get("household.form.confirmWarnings.title"), text,
                    messages.get("household.form.confirmWarnings.yes"), messages.get("household.form.confirmWarnings.no"))) {
                save(true);
            }
        } else {
            refuse(result.findings());
        }
    }

    /** Shows where the errors are: selects the first member with one and says how many there are. */
    private void refuse(Findings findings) {
        householdMessage.getStyleClass().setAll("household-message");
        List<Finding> errors = findings.errors();
        errors.stream().map(Finding::field).filter(f -> f.startsWith("member.")).findFirst().ifPresent(f -> {
            int index = Integer.parseInt(f.split("\\.")[1]);
            vm.selected.set(vm.members.get(index));
        });
        showFindings(findings);
        // the first field that stops the save gets the focus, scrolled into view: the operator sees what to fix
        errors.stream().map(Finding::field).filter(f -> !f.isEmpty() && !f.equals("members")).findFirst().flatMap(f -> {
            String[] parts = f.split("\\.");
            return parts[0].equals("member") && parts.length > 2 ? memberMessages.control(parts[2]) : kkMessages.control(f);
        }).ifPresent(c -> javafx.application.Platform.runLater(c::requestFocus));
        String summary = messages.get("household.form.notSaved", errors.size());
        householdMessage.setText(householdMessage.getText().isEmpty() ? summary : summary + "\n" + householdMessage.getText());
        householdMessage.setVisible(true);
        householdMessage.setManaged(true);
    }

    private String describe(List<Finding> findings) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : findings) {
            String[] parts = f.field().split("\\.");
            if (parts[0].equals("member") && parts.length > 1) {
                int i = Integer.parseInt(parts[1]);
                sb.append(messages.get("household.form.memberLabel", i + 1, vm.members.get(i).nama.get())).append(": ");
            }
            sb.append(f.message(messages)).append("\n");
        }
        return sb.toString().strip();
    }

    /** The selected member's reactivation request: theirs if open, else a new one. Saved data only. */
    @FXML
    void request() {
        MemberDraft m = vm.selected.get();
        if (m == null || !m.stored || onRequest == null || vm.savedId() == null) {
            return;
        }
        if (vm.dirty.get()) {
            dialogs.info(messages.get("household.form.request.title"), messages.get("household.form.request.saveFirst"));
            return;
        }
        onRequest.accept(vm.savedId(), m.id);
    }

    /** Opens Buat surat for a member; set by the pages (null: no letters here). */
    private BiConsumer<UUID, UUID> onLetter;

    void onLetter(BiConsumer<UUID, UUID> letter) {
        this.onLetter = letter;
    }

    /** Buat surat (Ctrl+K): an SKTM or another letter for the selected member, saved first. */
    @FXML
    void letter() {
        MemberDraft m = vm.selected.get();
        if (m == null || !m.stored || onLetter == null || vm.savedId() == null || readOnly) {
            return;
        }
        if (vm.dirty.get()) {
            dialogs.info(messages.get("household.form.letter.title"), messages.get("household.form.letter.saveFirst"));
            return;
        }
        onLetter.accept(vm.savedId(), m.id);
    }

    @FXML
    void back() {
        if (vm.dirty.get() && !dialogs.confirmRisky(messages.get("household.form.leave.title"),
                messages.get("household.form.leave"), messages.get("household.form.leave.yes"),
                messages.get("household.form.leave.no"))) {
            return;
        }
        onClose.run();
    }
}
