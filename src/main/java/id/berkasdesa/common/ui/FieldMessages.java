package id.berkasdesa.common.ui;

import id.berkasdesa.common.Finding;
import id.berkasdesa.common.Findings;
import id.berkasdesa.common.Messages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;

/**
 * Shows rule findings next to the fields they belong to: a ControlsFX decoration on the control
 * and the message itself in a small label under it (so it is read without hovering).
 */
public final class FieldMessages {

    private record Field(Control control, Label label) {
    }

    private final Messages messages;
    private final Map<String, Field> fields = new LinkedHashMap<>();
    private final GraphicValidationDecoration decoration = new GraphicValidationDecoration();

    public FieldMessages(Messages messages) {
        this.messages = messages;
    }

    /** Registers the control and label that show findings filed under {@code field}. */
    public void bind(String field, Control control, Label label) {
        fields.put(field, new Field(control, label));
        label.managedProperty().bind(label.visibleProperty());
        label.setVisible(false);
        label.setWrapText(true);
    }

    /**
     * Shows {@code findings} for the fields whose names, after {@code prefix}, match a registered
     * field ("member.2." + "nik"); clears the rest.
     */
    public void show(Findings findings, String prefix) {
        for (Map.Entry<String, Field> e : fields.entrySet()) {
            List<Finding> own = findings.all().stream().filter(f -> f.field().equals(prefix + e.getKey())).toList();
            Field field = e.getValue();
            decoration.removeDecorations(field.control());
            field.label().getStyleClass().removeAll("field-error", "field-warning");
            if (own.isEmpty()) {
                field.label().setVisible(false);
                field.label().setText("");
                continue;
            }
            Finding first = own.stream().filter(Finding::isError).findFirst().orElse(own.get(0));
            String text = String.join("\n", own.stream().map(f -> f.message(messages)).toList());
            decoration.applyValidationDecoration(first.isError()
                    ? ValidationMessage.error(field.control(), text)
                    : ValidationMessage.warning(field.control(), text));
            field.label().setText(text);
            field.label().getStyleClass().add(first.isError() ? "field-error" : "field-warning");
            field.label().setVisible(true);
        }
    }
}
