package id.berkasdesa.audit.ui;

import id.berkasdesa.audit.AuditChain;
import id.berkasdesa.audit.AuditEntry;
import id.berkasdesa.audit.AuditPdf;
import id.berkasdesa.audit.AuditService;
import id.berkasdesa.common.MessageException;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.ui.BackgroundTasks;
import id.berkasdesa.common.ui.DialogService;
import id.berkasdesa.common.DateText;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * "Rekam jejak" (Administrator): the trail filtered by person (NIK), operator and dates, the chain's
 * state, and the trail as CSV or PDF; for one NIK, that person's processing trail as a PDF to hand
 * to them. Reading and writing run on the worker.
 */
public final class AuditDialog {

    private final AuditService audit;
    private final Function<String, Set<String>> idsOfNik;
    private final Messages messages;
    private final DialogService dialogs;
    private final BackgroundTasks tasks;
    private final AuditPdf pdf;
    private final String village;
    final TextField nik = field("auditNik", 13);
    final TextField operator = field("auditOperator", 10);
    final TextField from = field("auditFrom", 10);
    final TextField until = field("auditUntil", 10);
    final javafx.scene.control.ComboBox<String> action = new javafx.scene.control.ComboBox<>();
    final TableView<AuditEntry> table = new TableView<>();
    final Label verdict = new Label();
    final Label message = new Label();

    /** @param idsOfNik the ids a person's data lives under (their members, households, requests) */
    public AuditDialog(AuditService audit, Function<String, Set<String>> idsOfNik, Messages messages, DialogService dialogs,
            BackgroundTasks tasks, String village) {
        this.audit = audit;
        this.idsOfNik = idsOfNik;
        this.messages = messages;
        this.dialogs = dialogs;
        this.tasks = tasks;
        this.pdf = new AuditPdf(messages, ZoneId.systemDefault());
        this.village = village;
    }

    private static TextField field(String id, int columns) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(columns);
        return f;
    }

    public void show() {
        from.setPromptText(messages.get("date.prompt"));
        until.setPromptText(messages.get("date.prompt"));
        Button showButton = new Button(messages.get("audit.show"));
        showButton.setId("auditShow");
        showButton.setDefaultButton(true);
        showButton.setOnAction(e -> load());
        showButton.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        action.setId("auditAction");
        action.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // "Semua tindakan" whole, never "Semua ti…"
        action.getItems().setAll(List.of("", "household", "document", "request", "bundle", "response", "operator", "signin",
                "settings", "audit"));
        action.setButtonCell(actionCell());
        action.setCellFactory(l -> actionCell());
        action.setValue("");
        action.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(String a) {
                return kind(a);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        id.berkasdesa.common.ui.KeyboardEntry.typeAhead(action, messages); // typing "usu" picks Usulan
        Label actionLabel = new Label(messages.get("audit.filter.action"));
        actionLabel.setLabelFor(action);
        actionLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox filters = new HBox(6, label("audit.filter.nik", nik), nik, label("audit.filter.operator", operator), operator,
                actionLabel, action, label("audit.filter.from", from), from, label("audit.filter.until", until), until,
                showButton);
        filters.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        table.setId("auditTable");
        table.getColumns().setAll(List.of(column("audit.col.seq", e -> Long.toString(e.seq()), 60),
                column("audit.col.at", pdf::when, 150), column("audit.col.operator", AuditEntry::operator, 120),
                column("audit.col.action", e -> pdf.action(e.action()), 240), column("audit.col.entity", e -> pdf.entity(e.entity()), 90),
                column("audit.col.fields", pdf::fields, 260)));
        table.setPlaceholder(new Label(messages.get("audit.pdf.none")));
        VBox.setVgrow(table, Priority.ALWAYS);
        verdict.setId("auditVerdict");
        verdict.setWrapText(true);
        message.setId("auditMessage");
        message.setWrapText(true);
        Button csv = new Button(messages.get("audit.exportCsv"));
        csv.setId("auditCsv");
        csv.setOnAction(e -> exportCsv());
        Button print = new Button(messages.get("audit.exportPdf"));
        print.setId("auditPdf");
        print.setOnAction(e -> exportPdf(false));
        Button person = new Button(messages.get("audit.personPdf"));
        person.setId("auditPersonPdf");
        person.disableProperty().bind(nik.textProperty().isEmpty());
        person.setOnAction(e -> exportPdf(true));
        HBox actions = new HBox(6, csv, print, person);
        VBox box = new VBox(8, filters, verdict, table, actions, message);
        box.setPadding(new Insets(8));
        box.setPrefSize(980, 560);
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle(messages.get("audit.title"));
        dialog.setResizable(true);
        dialog.getDialogPane().getButtonTypes().setAll(new ButtonType(messages.get("bundle.export.close"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().setStyle("-fx-max-width: 1100px;");
        dialog.setOnShown(e -> nik.requestFocus());
        load();
        dialogs.show(dialog);
    }

    /** A kind of action in words: "Data KK", "Sign-in"…; the empty choice is every action. */
    private javafx.scene.control.ListCell<String> actionCell() {
        return new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? "" : kind(a));
            }
        };
    }

    private String kind(String a) {
        return a == null ? "" : messages.get(a.isEmpty() ? "audit.filter.allActions" : "audit.kind." + a);
    }

    private Label label(String key, TextField field) {
        Label l = new Label(messages.get(key));
        l.setLabelFor(field);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // never "Pengg..."
        return l;
    }

    private TableColumn<AuditEntry, String> column(String key, Function<AuditEntry, String> value, double width) {
        TableColumn<AuditEntry, String> c = new TableColumn<>(messages.get(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    /**
     * The filter as typed, to be resolved on the worker (a NIK becomes the ids its data lives under:
     * a store read); empty, with the reason shown, when a date cannot be read.
     */
    Optional<java.util.function.Supplier<AuditService.Filter>> filter() {
        LocalDate f = from.getText().isBlank() ? null : DateText.parse(from.getText()).orElse(null);
        LocalDate u = until.getText().isBlank() ? null : DateText.parse(until.getText()).orElse(null);
        if ((!from.getText().isBlank() && f == null) || (!until.getText().isBlank() && u == null)) {
            message.setText(messages.get("cli.audit.date"));
            return Optional.empty();
        }
        String n = nik.getText().strip();
        String who = operator.getText();
        String kind = action.getValue();
        return Optional.of(() -> new AuditService.Filter(n.isEmpty() ? null : idsOfNik.apply(n), who, f, u, kind));
    }

    private record Loaded(List<AuditEntry> entries, AuditChain.Verdict verdict) {
    }

    void load() {
        Optional<java.util.function.Supplier<AuditService.Filter>> f = filter();
        if (f.isEmpty()) {
            return;
        }
        message.setText("");
        tasks.run(messages.get("audit.loading"), p -> new Loaded(audit.entries(f.get().get()), audit.verify()), l -> {
            table.getItems().setAll(l.entries());
            verdict.setText(describe(l.verdict()));
            verdict.getStyleClass().removeAll("field-error", "saved");
            verdict.getStyleClass().add(l.verdict().intact() ? "saved" : "field-error");
        }, this::failed);
    }

    String describe(AuditChain.Verdict v) {
        StringBuilder b = new StringBuilder();
        if (v.broken().isEmpty() && !v.changed().isEmpty()) {
            b.append(messages.get("audit.changed"));
            v.changed().forEach(f -> b.append(' ').append(messages.get(f.key(), f.args().toArray())));
        } else if (v.intact()) {
            b.append(messages.get("audit.intact", v.entries(), v.head() == null ? 0 : v.head().seq(),
                    v.head() == null ? "" : v.head().hash().substring(0, 16)));
        } else {
            AuditChain.Broken x = v.broken().orElseThrow();
            b.append(messages.get("audit.broken", x.seq()));
        }
        if (!v.clockBack().isEmpty()) {
            b.append(' ').append(messages.get("audit.clockBack", v.clockBack().size(), v.clockBack().get(0)));
        }
        return b.toString();
    }

    private void exportCsv() {
        Optional<java.util.function.Supplier<AuditService.Filter>> f = filter();
        if (f.isEmpty()) {
            return;
        }
        dialogs.chooseSaveFile(messages.get("audit.exportCsv"), "rekam-jejak.csv").ifPresent(target ->
                tasks.run(messages.get("audit.writing"), p -> audit.export(f.get().get(), target), n ->
                        message.setText(messages.get("audit.written", n, target.toString())), this::failed));
    }

    private void exportPdf(boolean person) {
        Optional<java.util.function.Supplier<AuditService.Filter>> f = filter();
        if (f.isEmpty()) {
            return;
        }
        String n = nik.getText().strip();
        String name = person ? "rekam-jejak-" + n + ".pdf" : "rekam-jejak.pdf";
        dialogs.chooseSaveFile(messages.get(person ? "audit.personPdf" : "audit.exportPdf"), name).ifPresent(target ->
                tasks.run(messages.get("audit.writing"), p -> {
                    AuditService.Filter resolved = f.get().get(); // on the worker: the NIK is looked up here
                    audit.recordExport(resolved);
                    List<AuditEntry> entries = audit.entries(resolved);
                    String title = messages.get(person ? "audit.pdf.personTitle" : "audit.pdf.title");
                    List<String> lines = List.of(village, person ? messages.get("audit.pdf.person", n)
                            : messages.get("audit.pdf.filter", operator.getText().isBlank() ? "-" : operator.getText().strip(),
                                    from.getText().isBlank() ? "-" : from.getText(), until.getText().isBlank() ? "-" : until.getText()),
                            messages.get("audit.pdf.made", DateText.format(LocalDate.now())));
                    pdf.save(title, lines, entries, target);
                    return entries.size();
                }, count -> message.setText(messages.get("audit.written", count, target.toString())), this::failed));
    }

    private void failed(Throwable e) {
        message.setText(e instanceof MessageException m ? m.message(messages) : messages.get("audit.failed"));
    }
}
