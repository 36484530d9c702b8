package id.berkasdesa.common.ui;

import id.berkasdesa.common.Finding;
import id.berkasdesa.common.Findings;
import id.berkasdesa.common.Messages;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;

/**
 * Shows rule findings next to the fields they belong to: a ControlsFX decoration on the control
 * and the message itself in a small label under it (so it is read without hovering). A field of a
 * fresh record shows its findings once the operator has left it, every field after a save attempt.
 */
public final class FieldMessages {

    private record Field(Control control, Label label) {
    }

    private final Messages messages;
    private final Map<String, Field> fields = new LinkedHashMap<>();
    /** Fields the operator has left at least once; until then, a blank field is not scolded. */
    private final Set<String> touched = new HashSet<>();
    private boolean revealAll;
    private Findings last = Findings.NONE;
    private String lastPrefix = "";
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
        control.focusedProperty().addListener((o, was, is) -> {
            if (was && !is && touched.add(field)) {
                show(last, lastPrefix);
            }
        });
    }

    /** The control that shows {@code field}'s findings, if one was bound. */
    public java.util.Optional<Control> control(String field) {
        return java.util.Optional.ofNullable(fields.get(field)).map(Field::control);
    }

    /** From now on every field shows its findings (saved data, or after a save attempt). */
    public void revealAll() {
        revealAll = true;
        show(last, lastPrefix);
    }

    /** A fresh record: only fields the operator leaves, or all after {@link #revealAll()}. */
    public void reset(boolean reveal) {
        touched.clear();
        revealAll = reveal;
    }

    /**
     * Shows {@code findings} for the fields whose names, after {@code prefix}, match a registered
     * field ("member.2." + "nik"); clears the rest.
     */
    public void show(Findings findings, String prefix) {
        last = findings;
        lastPrefix = prefix;
        for (Map.Entry<String, Field> e : fields.entrySet()) {
            boolean visible = revealAll || touched.contains(e.getKey());
            List<Finding> own = !visible ? List.<Finding>of()
                    : findings.all().stream().filter(f -> f.field().equals(prefix + e.getKey())).toList();
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
