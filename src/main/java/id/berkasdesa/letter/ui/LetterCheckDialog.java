package id.berkasdesa.letter.ui;

import id.berkasdesa.common.Messages;
import id.berkasdesa.common.ui.BackgroundTasks;
import id.berkasdesa.common.ui.DialogService;
import id.berkasdesa.common.DateText;
import id.berkasdesa.surat.LetterQr;
import id.berkasdesa.letter.LetterService;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Surat → Periksa surat: is a letter genuine? Paste the text a QR reader gave, or open the letter's
 * PDF; the answer says genuine / forged / cancelled / expired, what the letter says (number, date,
 * village, initials) and whose key signed it — checked against this village's key and register when
 * a store is open, else the signature alone.
 */
public final class LetterCheckDialog {

    private final Function<LetterQr, LetterService.Check> check;
    private final Messages messages;
    private final DialogService dialogs;
    private final BackgroundTasks tasks;
    final TextArea qrText = new TextArea();
    final Label result = new Label();

    /** @param letters this store's letters, or null when no store is open (the signature alone is checked) */
    public LetterCheckDialog(LetterService letters, Messages messages, DialogService dialogs, BackgroundTasks tasks) {
        this.check = letters == null ? q -> LetterService.checkAlone(q, LocalDate.now()) : letters::check;
        this.messages = messages;
        this.dialogs = dialogs;
        this.tasks = tasks;
    }

    public void show() {
        qrText.setId("letterQrText");
        qrText.setPromptText(messages.get("letter.check.prompt"));
        qrText.setWrapText(true);
        qrText.setPrefRowCount(4);
        Button checkButton = new Button(messages.get("letter.check.check"));
        checkButton.setId("checkLetterText");
        checkButton.setDefaultButton(true);
        checkButton.setOnAction(e -> showResult(LetterQr.parse(qrText.getText()), messages.get("letter.error.qr")));
        Button open = new Button(messages.get("letter.check.openPdf"));
        open.setId("checkLetterPdf");
        open.setOnAction(e -> dialogs.chooseOpenFile(messages.get("letter.check.openPdf"), List.of("pdf")).ifPresent(f ->
                tasks.run("", p -> LetterService.readPdf(Files.readAllBytes(f)),
                        q -> showResult(q, messages.get("letter.error.notLetter", f.getFileName())),
                        ex -> showResult(Optional.empty(), messages.get("cli.letter.read", f.toString())))));
        result.setId("letterCheckResult");
        result.setWrapText(true);
        result.setMaxWidth(600);
        result.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label label = new Label(messages.get("letter.check.label"));
        label.setLabelFor(qrText);
        label.setWrapText(true);
        VBox box = new VBox(8, label, qrText, new HBox(6, checkButton, open), result);
        box.setPadding(new Insets(8));
        box.setPrefWidth(620);
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle(messages.get("letter.check.title"));
        dialog.setResizable(true);
        dialog.getDialogPane().getButtonTypes().setAll(new ButtonType(messages.get("bundle.export.close"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().setContent(box);
        DialogService.focusWhenShown(dialog, qrText);
        dialogs.show(dialog);
    }

    private void showResult(Optional<LetterQr> qr, String notOurs) {
        result.getStyleClass().removeAll("check-ok", "check-bad");
        if (qr.isEmpty()) {
            result.setText(notOurs);
            result.getStyleClass().add("check-bad");
            return;
        }
        LetterQr q = qr.get();
        // against the register: a query, off the FX thread
        tasks.run("", p -> check.apply(q), c -> showCheck(q, c), e -> {
            result.setText(messages.get("letter.list.failed"));
            result.getStyleClass().add("check-bad");
        });
    }

    private void showCheck(LetterQr q, LetterService.Check c) {
        String valid = q.validUntil() == null ? "-" : DateText.format(q.validUntil());
        result.setText(messages.get(c.reason(), q.signer(), q.village(), valid) + "\n\n" + messages.get("letter.check.says",
                q.number(), messages.get(q.type().key()), DateText.format(q.issued()), valid, q.village(), q.initials(), q.signer()));
        result.getStyleClass().add(c.valid() ? "check-ok" : "check-bad");
    }
}
