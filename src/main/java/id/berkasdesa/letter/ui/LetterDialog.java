package id.berkasdesa.letter.ui;

import id.berkasdesa.common.MessageException;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.ui.BackgroundTasks;
import id.berkasdesa.common.ui.DialogService;
import id.berkasdesa.letter.LetterService;
import id.berkasdesa.surat.LetterType;
import java.awt.image.BufferedImage;
import java.util.UUID;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Buat surat (Ctrl+K in the KK form): the letter type, what it is for ("Reaktivasi PBI-JK" first), and
 * the page as it will print beside them, made again as they change; *Terbitkan* numbers, signs and
 * archives it, and offers the PDF to print. Nothing is numbered before *Terbitkan*.
 */
public final class LetterDialog {

    private final LetterService letters;
    private final Messages messages;
    private final DialogService dialogs;
    private final BackgroundTasks tasks;
    final ComboBox<LetterType> type = new ComboBox<>();
    final ComboBox<String> purpose = new ComboBox<>();
    final ImageView page = new ImageView();
    final Label message = new Label();
    private final BackgroundTasks.Latest<Preview> previews;

    /** A draft and its first page, as ARGB pixels made on the worker (the FX thread only copies them in). */
    private record Preview(LetterService.Draft draft, int width, int height, int[] argb) {
    }

    public LetterDialog(LetterService letters, Messages messages, DialogService dialogs, BackgroundTasks tasks) {
        this.letters = letters;
        this.messages = messages;
        this.dialogs = dialogs;
        this.tasks = tasks;
        this.previews = tasks.latest();
    }

    /** @param onIssued told after a letter is issued (the KK form shows its new SKTM) */
    public void show(UUID householdId, UUID memberId, Runnable onIssued) {
        type.setId("letterType");
        type.getItems().setAll(LetterType.VILLAGE);
        type.setValue(LetterType.SKTM);
        type.setConverter(id.berkasdesa.common.ui.Converters.of(t -> t == null ? "" : messages.get(t.key())));
        id.berkasdesa.common.ui.KeyboardEntry.typeAhead(type, messages);
        purpose.setId("letterPurpose");
        purpose.setEditable(true);
        purpose.getItems().setAll(messages.get("letter.purpose.default"), messages.get("letter.purpose.school"),
                messages.get("letter.purpose.health"));
        purpose.setValue(messages.get("letter.purpose.default"));
        purpose.setPrefWidth(320);
        message.setId("letterMessage");
        message.setWrapText(true);
        message.setMaxWidth(330);
        page.setId("letterPage");
        page.setPreserveRatio(true);
        page.setFitWidth(430);
        ScrollPane pageBox = new ScrollPane(page);
        pageBox.setPrefViewportWidth(440);
        pageBox.setPrefViewportHeight(560);
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        Label typeLabel = new Label(messages.get("letter.dialog.type"));
        typeLabel.setLabelFor(type);
        Label purposeLabel = new Label(messages.get("letter.dialog.purpose"));
        purposeLabel.setLabelFor(purpose);
        form.addColumn(0, typeLabel, type, purposeLabel, purpose);
        Label note = new Label(messages.get("letter.dialog.note"));
        note.setWrapText(true);
        note.setMaxWidth(330);
        VBox left = new VBox(10, form, note, message);
        left.setPrefWidth(340);
        HBox box = new HBox(14, left, pageBox);
        box.setPadding(new Insets(8));

        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle(messages.get("letter.dialog.title"));
        dialog.setResizable(true);
        ButtonType issue = new ButtonType(messages.get("letter.dialog.issue"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(issue, new ButtonType(messages.get("dialog.cancel"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().setContent(box);
        Button issueButton = (Button) dialog.getDialogPane().lookupButton(issue);
        issueButton.setId("issueLetter");
        Preview[] shown = {null};
        issueButton.setDisable(true);
        issueButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // the dialog closes once the letter is issued, not before
            if (shown[0] == null) {
                return;
            }
            issueButton.setDisable(true);
            LetterService.Draft d = shown[0].draft();
            tasks.run(messages.get("letter.dialog.issuing"), p -> letters.issue(d), issued -> {
                dialog.close();
                onIssued.run();
                offerPdf(issued);
            }, ex -> {
                message.setText(ex instanceof MessageException m ? m.message(messages) : messages.get("letter.error.pdf"));
                issueButton.setDisable(false);
            });
        });
        javafx.animation.PauseTransition wait = new javafx.animation.PauseTransition(Duration.millis(250));
        Runnable refresh = () -> {
            LetterType t = type.getValue();
            String why = purpose.getEditor().getText();
            issueButton.setDisable(true);
            previews.run(w -> {
                LetterService.Draft d = letters.draft(t, householdId, memberId, why);
                BufferedImage img = render(letters.preview(d));
                return new Preview(d, img.getWidth(), img.getHeight(),
                        img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth()));
            }, p -> {
                shown[0] = p;
                page.setImage(toFx(p));
                message.setText("");
                issueButton.setDisable(false);
            }, ex -> {
                shown[0] = null;
                message.setText(ex instanceof MessageException m ? m.message(messages) : messages.get("letter.error.pdf"));
            });
        };
        wait.setOnFinished(e -> refresh.run());
        type.valueProperty().addListener((o, a, b) -> refresh.run());
        purpose.getEditor().textProperty().addListener((o, a, b) -> {
            issueButton.setDisable(true); // what is shown is no longer what would be issued
            wait.playFromStart();
        });
        DialogService.focusWhenShown(dialog, purpose);
        refresh.run();
        dialogs.show(dialog);
    }

    /** The issued letter's number, with the PDF to save for printing if wanted. */
    private void offerPdf(LetterService.Issued issued) {
        if (dialogs.infoWithAction(messages.get("letter.dialog.title"), messages.get("letter.dialog.issued", issued.number()),
                messages.get("letter.dialog.savePdf"), messages.get("password.sheet.done"))) {
            savePdf(dialogs, messages, issued.number(), issued.pdf());
        }
    }

    /** Saves a letter's PDF where the operator chooses, saying that it holds personal data. */
    static void savePdf(DialogService dialogs, Messages messages, String number, byte[] pdf) {
        dialogs.chooseSaveFile(messages.get("letter.dialog.savePdf"), "surat-" + number.replaceAll("[^A-Za-z0-9]+", "-") + ".pdf")
                .ifPresent(target -> {
                    try {
                        id.berkasdesa.common.AtomicFile.write(target, out -> out.write(pdf));
                        dialogs.info(messages.get("letter.dialog.title"), messages.get("letter.dialog.saved", target.toString()));
                    } catch (java.io.IOException e) {
                        dialogs.error(messages.get("letter.dialog.title"), messages.get("cli.letter.write", target.toString()));
                    }
                });
    }

    /** The first page at 50 dpi (about the dialog's width). */
    static BufferedImage render(byte[] pdf) throws java.io.IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(0, 52);
        }
    }

    private static WritableImage toFx(Preview p) {
        WritableImage out = new WritableImage(p.width(), p.height());
        out.getPixelWriter().setPixels(0, 0, p.width(), p.height(), javafx.scene.image.PixelFormat.getIntArgbInstance(),
                p.argb(), 0, p.width());
        return out;
    }
}
