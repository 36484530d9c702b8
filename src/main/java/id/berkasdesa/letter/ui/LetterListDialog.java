package id.berkasdesa.letter.ui;

import id.berkasdesa.common.MessageException;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.ui.BackgroundTasks;
import id.berkasdesa.common.ui.DialogService;
import id.berkasdesa.common.DateText;
import id.berkasdesa.letter.LetterService;
import java.util.List;
import java.util.Optional;
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
import javafx.scene.layout.VBox;

/**
 * Surat → Daftar surat: every letter issued, newest first — date, number, type, name, purpose,
 * status; Cetak ulang (the archived PDF, the same bytes), Batalkan (with a reason; the number stays
 * taken), and the buku agenda as .xlsx.
 */
public final class LetterListDialog {

    private final LetterService letters;
    private final Messages messages;
    private final DialogService dialogs;
    private final BackgroundTasks tasks;
    private final boolean mayCancel;
    final TableView<LetterService.Letter> table = new TableView<>();
    final Label message = new Label();

    public LetterListDialog(LetterService letters, boolean mayCancel, Messages messages, DialogService dialogs,
            BackgroundTasks tasks) {
        this.letters = letters;
        this.mayCancel = mayCancel;
        this.messages = messages;
        this.dialogs = dialogs;
        this.tasks = tasks;
    }

    public void show() {
        table.setId("letterTable");
        table.getColumns().setAll(List.of(column("letter.col.date", l -> DateText.format(l.issuedOn()), 95),
                column("letter.col.number", LetterService.Letter::number, 230),
                column("letter.col.type", l -> messages.get(l.type().key()), 140),
                column("letter.col.name", LetterService.Letter::subjectName, 190),
                column("letter.col.purpose", LetterService.Letter::purpose, 160),
                column("letter.col.status", l -> messages.get(l.cancelled() ? "letter.status.cancelled" : "letter.status.issued"), 90)));
        table.setPlaceholder(new Label(messages.get("letter.list.empty")));
        table.setPrefHeight(360);
        Button reprint = new Button(messages.get("letter.list.reprint"));
        reprint.setId("reprintLetter");
        reprint.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        reprint.setOnAction(e -> reprint());
        Button cancel = new Button(messages.get("letter.list.cancel"));
        cancel.setId("cancelLetter");
        cancel.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        cancel.setVisible(mayCancel);
        cancel.setManaged(mayCancel);
        cancel.setOnAction(e -> cancelSelected());
        Button export = new Button(messages.get("letter.list.export"));
        export.setId("exportLetters");
        export.setOnAction(e -> export());
        message.setId("letterListMessage");
        message.setWrapText(true);
        VBox box = new VBox(8, table, new HBox(6, reprint, cancel, export), message);
        box.setPadding(new Insets(8));
        box.setPrefWidth(960);
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle(messages.get("letter.list.title"));
        dialog.setResizable(true);
        dialog.getDialogPane().getButtonTypes().setAll(new ButtonType(messages.get("bundle.export.close"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().setContent(box);
        dialog.setOnShown(e -> table.requestFocus());
        reload();
        dialogs.show(dialog);
    }

    private void reload() {
        tasks.run("", p -> letters.list(null, null), list -> {
            table.getItems().setAll(list);
            if (!list.isEmpty() && table.getSelectionModel().isEmpty()) {
                table.getSelectionModel().select(0);
            }
        }, e -> message.setText(messages.get("letter.list.failed")));
    }

    void reprint() {
        LetterService.Letter l = table.getSelectionModel().getSelectedItem();
        if (l != null) {
            tasks.run("", p -> letters.pdf(l), pdf -> LetterDialog.savePdf(dialogs, messages, l.number(), pdf),
                    e -> message.setText(messages.get("letter.list.failed")));
        }
    }

    void cancelSelected() {
        LetterService.Letter l = table.getSelectionModel().getSelectedItem();
        if (l == null) {
            return;
        }
        TextField reason = new TextField();
        reason.setId("cancelReason");
        reason.setPrefColumnCount(36);
        Label text = new Label(messages.get("letter.list.cancelAsk", l.number(), l.subjectName()));
        text.setWrapText(true);
        text.setMaxWidth(460);
        text.setLabelFor(reason);
        Label problem = new Label();
        problem.setWrapText(true);
        dialogs.form(messages.get("letter.list.cancel"), new VBox(8, text, reason, problem), reason,
                () -> reason.getText().isBlank() ? Optional.empty() : Optional.of(reason.getText().strip()),
                () -> problem.setText(messages.get("letter.error.reason"))).ifPresent(why ->
                tasks.run("", p -> letters.cancel(l.number(), why), done -> {
                    message.setText(messages.get("letter.list.cancelled", done.number()));
                    reload();
                }, e -> message.setText(e instanceof MessageException m ? m.message(messages) : messages.get("letter.list.failed"))));
    }

    void export() {
        dialogs.chooseSaveFile(messages.get("letter.list.export"), "buku-agenda-surat.xlsx").ifPresent(target ->
                tasks.run("", p -> letters.exportAgenda(null, target), n -> message.setText(messages.get("letter.list.exported", n,
                        target.toString())), e -> message.setText(messages.get("cli.letter.write", target.toString()))));
    }

    private TableColumn<LetterService.Letter, String> column(String key, Function<LetterService.Letter, String> value, double width) {
        TableColumn<LetterService.Letter, String> c = new TableColumn<>(messages.get(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
