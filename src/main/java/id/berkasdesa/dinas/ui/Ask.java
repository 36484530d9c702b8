package id.berkasdesa.dinas.ui;

import id.berkasdesa.common.Messages;
import id.berkasdesa.common.ui.DialogService;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** The district pages' small forms: one or two lines typed in a dialog, refused while empty. */
final class Ask {

    private Ask() {
    }

    /** One line; empty when cancelled. {@code id} names the field for the keyboard tests. */
    static Optional<String> line(DialogService dialogs, Messages messages, String title, String text, String id) {
        return lines(dialogs, messages, title, text, List.of(id), List.of(text)).map(l -> l.get(0));
    }

    /** Several lines, each under its label; empty when cancelled. */
    static Optional<List<String>> lines(DialogService dialogs, Messages messages, String title, String intro, List<String> ids,
            List<String> labels) {
        VBox box = new VBox(6);
        box.setPrefWidth(520);
        if (ids.size() > 1) {
            Label top = new Label(intro);
            top.setWrapText(true);
            box.getChildren().add(top);
        }
        List<TextField> fields = new java.util.ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            TextField f = new TextField();
            f.setId(ids.get(i));
            Label l = new Label(labels.get(i));
            l.setWrapText(true);
            l.setLabelFor(f);
            box.getChildren().addAll(l, f);
            fields.add(f);
        }
        Label problem = new Label();
        problem.getStyleClass().add("field-error");
        problem.setWrapText(true);
        box.getChildren().add(problem);
        id.berkasdesa.common.ui.KeyboardEntry.enterMovesFocus(fields);
        return dialogs.form(title, box, fields.get(0), () -> fields.stream().anyMatch(f -> f.getText().isBlank())
                ? Optional.empty() : Optional.of(fields.stream().map(f -> f.getText().strip()).toList()),
                () -> problem.setText(messages.get("dinas.ui.fillAll")));
    }
}
