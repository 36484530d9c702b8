package id.berkasdesa.document.ui;

import id.berkasdesa.common.Messages;
import id.berkasdesa.common.ui.Converters;
import id.berkasdesa.common.ui.DialogService;
import id.berkasdesa.common.ui.Fxml;
import id.berkasdesa.common.ui.KeyboardEntry;
import id.berkasdesa.document.Diagnosis;
import id.berkasdesa.files.DocumentException;
import id.berkasdesa.document.DocumentKind;
import id.berkasdesa.document.DocumentService;
import id.berkasdesa.common.DateText;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javafx.event.ActionEvent;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;

/**
 * Asks what the chosen files are: kind, whose, date, and for a faskes letter the facility and
 * diagnosis. Its answer is checked by the service's own rule before the dialog can close.
 */
final class AttachDialog {

    @FXML VBox root, labelRow, faskesRow;
    @FXML Label ownerLabel, filesLabel, problemLabel;
    @FXML ComboBox<DocumentKind> kindBox;
    @FXML CheckBox householdBox;
    @FXML TextField labelField, dateField, faskesField;
    @FXML ComboBox<Diagnosis> diagnosisBox;

    private final DocumentService service;
    private final Messages messages;
    private final UUID householdId;
    private final UUID memberId;
    private final Parent view;

    private AttachDialog(DocumentService service, Messages messages, UUID householdId, UUID memberId) {
        this.service = service;
        this.messages = messages;
        this.householdId = householdId;
        this.memberId = memberId;
        this.view = Fxml.load(this, messages);
    }

    /**
     * @param memberName the member the documents are for; null when only household documents can be attached
     * @param suggested the kind to preselect (the first one missing)
     */
    static Optional<DocumentService.Attach> ask(DocumentService service, Messages messages, DialogService dialogs,
            UUID householdId, UUID memberId, String memberName, List<Path> files, DocumentKind suggested) {
        AttachDialog d = new AttachDialog(service, messages, householdId, memberId);
        d.ownerLabel.setText(memberName == null ? messages.get("document.attach.forHousehold")
                : messages.get("document.attach.forMember", memberName));
        d.filesLabel.setText(files.size() == 1 ? messages.get("document.attach.oneFile", files.get(0).getFileName())
                : messages.get("document.attach.files", files.size(), String.join(", ",
                        files.stream().map(p -> String.valueOf(p.getFileName())).toList())));
        d.kindBox.setValue(memberId == null && !suggested.allows(false) ? DocumentKind.KK : suggested);
        d.datePrefill(d.kindBox.getValue());
        d.update();

        Dialog<DocumentService.Attach> dialog = new Dialog<>();
        dialog.setTitle(messages.get("document.attach.title"));
        ButtonType ok = new ButtonType(messages.get("document.attach.ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(ok, cancel);
        dialog.getDialogPane().setContent(d.view);
        Button okButton = (Button) dialog.getDialogPane().lookupButton(ok);
        okButton.addEventFilter(ActionEvent.ACTION, e -> {
            Optional<DocumentException> problem = service.problem(d.answer());
            if (problem.isPresent()) {
                d.problemLabel.setText(problem.get().message(messages));
                e.consume();
                // the message takes lines of its own: the window grows so the buttons stay whole below it
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
            }
        });
        okButton.setDefaultButton(true);
        // Enter attaches from any field (an open choice list keeps its Enter); Batal is Esc or a click
        dialog.getDialogPane().addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !e.isControlDown() && !e.isAltDown()
                    && !(e.getTarget() instanceof ComboBox<?> box && box.isShowing())) {
                e.consume();
                okButton.fire();
            }
        });
        dialog.setResultConverter(b -> b == ok ? d.answer() : null);
        dialog.setOnShown(e -> d.kindBox.requestFocus());
        return dialogs.show(dialog);
    }

    /**
     * The kind a file's name says when it says one ("…sktm.jpg", "KTP Budi.jpg", "surat-faskes.pdf"):
     * the operator's own naming beats the first missing kind.
     */
    static Optional<DocumentKind> kindFromNames(List<Path> files) {
        Optional<DocumentKind> found = Optional.empty();
        for (Path f : files) {
            String n = String.valueOf(f.getFileName()).toLowerCase(java.util.Locale.ROOT);
            DocumentKind k = n.contains("sktm") || n.contains("tidak mampu") || n.contains("tidak-mampu") ? DocumentKind.SKTM
                    : n.matches(".*(faskes|rujukan|puskesmas|dokter|rsud|rumah.sakit).*") ? DocumentKind.FASKES
                    : n.matches(".*(^|[^a-z])ktp([^a-z]|$).*") ? DocumentKind.KTP
                    : n.matches(".*(^|[^a-z])kk([^a-z]|$).*") || n.contains("kartu keluarga") || n.contains("kartu-keluarga")
                            ? DocumentKind.KK : null;
            if (k == null || found.isPresent() && found.get() != k) {
                return Optional.empty(); // a name that says nothing, or files that say different things
            }
            found = Optional.of(k);
        }
        return found;
    }

    @FXML
    void initialize() {
        kindBox.setConverter(Converters.of(k -> messages.get(k.key())));
        kindBox.getItems().setAll(memberId == null
                ? List.of(DocumentKind.KK, DocumentKind.SKTM, DocumentKind.LAINNYA) : List.of(DocumentKind.values()));
        diagnosisBox.setConverter(Converters.of(k -> messages.get(k.key())));
        diagnosisBox.getItems().setAll(Diagnosis.values());
        KeyboardEntry.typeAhead(kindBox, messages);
        KeyboardEntry.typeAhead(diagnosisBox, messages);
        kindBox.valueProperty().addListener((o, a, b) -> {
            datePrefill(b);
            update();
        });
        labelRow.managedProperty().bind(labelRow.visibleProperty());
        faskesRow.managedProperty().bind(faskesRow.visibleProperty());
        problemLabel.managedProperty().bind(problemLabel.textProperty().isNotEmpty());
    }

    /**
     * A letter that expires (SKTM, surat faskes) is dated by the operator from the letter itself: the
     * field starts empty; other documents start on today's date.
     */
    private void datePrefill(DocumentKind kind) {
        String today = DateText.format(service.today());
        String now = dateField.getText() == null ? "" : dateField.getText().strip();
        if (kind != null && kind.expires()) {
            if (now.equals(today)) {
                dateField.clear();
            }
        } else if (now.isEmpty()) {
            dateField.setText(today);
        }
    }

    private void update() {
        DocumentKind kind = kindBox.getValue();
        boolean either = kind != null && kind.scope() == DocumentKind.Scope.EITHER;
        householdBox.setDisable(!either || memberId == null);
        householdBox.setSelected(memberId == null || kind == DocumentKind.KK);
        labelRow.setVisible(kind == DocumentKind.LAINNYA);
        faskesRow.setVisible(kind == DocumentKind.FASKES);
        problemLabel.setText("");
        if (root.getScene() != null) {
            root.getScene().getWindow().sizeToScene();
        }
    }

    private DocumentService.Attach answer() {
        DocumentKind kind = kindBox.getValue();
        boolean forHousehold = householdBox.isSelected() || (kind != null && kind.scope() == DocumentKind.Scope.HOUSEHOLD);
        return new DocumentService.Attach(householdId, forHousehold ? null : memberId, kind, labelField.getText(),
                DateText.parse(dateField.getText()).orElse(null), faskesField.getText(), diagnosisBox.getValue());
    }
}
