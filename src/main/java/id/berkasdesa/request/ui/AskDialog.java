package id.berkasdesa.request.ui;

import id.berkasdesa.common.Messages;
import id.berkasdesa.common.ui.DialogService;
import id.berkasdesa.common.DateText;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** A small dialog asking one thing before a status change: a text (reason, bundle) or a date. */
final class AskDialog {

    private AskDialog() {
    }

    /** @return the text typed, or empty when cancelled; a blank answer is refused in the dialog */
    static Optional<String> text(Messages messages, DialogService dialogs, String title, String label, String initial) {
        return ask(messages, dialogs, title, label, initial, t -> t.isBlank() ? "request.ask.required" : null)
                .map(String::strip);
    }

    /** @return the date typed, or empty when cancelled; a date that cannot be read or lies ahead is refused */
    static Optional<LocalDate> date(Messages messages, DialogService dialogs, String title, String label, LocalDate today) {
        return ask(messages, dialogs, title, label, DateText.format(today), t -> dateProblem(t, today))
                .flatMap(DateText::parse);
    }

    /**
     * What is wrong with a typed date: the message key, or null when it is a real date not after
     * today. (Mapping a good date to null inside an Optional empties it: every valid date was refused.)
     */
    static String dateProblem(String typed, LocalDate today) {
        Optional<LocalDate> date = DateText.parse(typed);
        if (date.isEmpty()) {
            return "request.field.date";
        }
        return date.get().isAfter(today) ? "request.ask.future" : null;
    }

    private static Optional<String> ask(Messages messages, DialogService dialogs, String title, String label,
            String initial, Function<String, String> problem) {
        TextField field = new TextField(initial);
        field.setPrefColumnCount(34);
        Label text = new Label(label);
        text.setWrapText(true);
        text.setLabelFor(field);
        Label message = new Label();
        message.getStyleClass().addAll("field-message", "field-error");
        message.setWrapText(true);
        VBox box = new VBox(4, text, field, message);
        box.setPrefWidth(460);
        box.setPadding(new javafx.geometry.Insets(10, 6, 4, 6));
        Dialog<String> dialog = new Dialog<>();
        dialog.setTitle(title);
        ButtonType ok = new ButtonType(messages.get("request.ask.ok"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(ok,
                new ButtonType(messages.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().setContent(box);
        ((Button) dialog.getDialogPane().lookupButton(ok)).addEventFilter(ActionEvent.ACTION, e -> {
            String key = problem.apply(field.getText());
            if (key != null) {
                message.setText(messages.get(key));
                e.consume();
            }
        });
        dialog.setResultConverter(b -> b == ok ? field.getText() : null);
        dialog.setOnShown(e -> {
            field.requestFocus();
            field.selectAll();
        });
        return dialogs.show(dialog);
    }
}
