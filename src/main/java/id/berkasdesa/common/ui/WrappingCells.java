package id.berkasdesa.common.ui;

import javafx.scene.control.ContentDisplay;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;

/** Table cells for long free text (a reason, a note): wrapped over lines instead of cut with "…". */
public final class WrappingCells {

    private WrappingCells() {
    }

    public static <S> void install(TableColumn<S, String> column) {
        column.setCellFactory(c -> new TableCell<>() {
            // the text in a Text of its own, wrapped at the column's width less the cell's padding: a
            // cell's own wrapped text is measured at its width only once laid out, so a row took one line
            // at its first layout and the rest of the text was not shown until the window was resized
            private final Text shown = new Text();

            {
                shown.wrappingWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                        () -> Math.max(20, column.getWidth() - getPadding().getLeft() - getPadding().getRight() - 2),
                        column.widthProperty(), paddingProperty()));
                shown.fillProperty().bind(textFillProperty());
                shown.fontProperty().bind(fontProperty());
                setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                String text = empty || item == null ? null : item;
                setText(text); // for a reader of the cell's text; the Text shows it
                shown.setText(text == null ? "" : text);
                setGraphic(text == null ? null : shown);
                setTooltip(text == null || text.isBlank() ? null : new Tooltip(text));
            }
        });
    }

    /**
     * List cells that wrap their text at the list's width (a long message is read whole, never
     * scrolled sideways), each with the style class {@code style} gives it ("field-error"…, or null).
     */
    public static <T> void install(javafx.scene.control.ListView<T> list, java.util.function.Function<T, String> text,
            java.util.function.Function<T, String> style) {
        list.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            {
                setWrapText(true);
                setTextOverrun(OverrunStyle.CLIP);
                // the list's width less its scroll bar and padding
                prefWidthProperty().bind(list.widthProperty().subtract(24));
                setMinHeight(USE_PREF_SIZE);
            }

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("field-error", "field-warning");
                setText(empty || item == null ? null : text.apply(item));
                String s = empty || item == null ? null : style.apply(item);
                if (s != null) {
                    getStyleClass().add(s);
                }
            }
        });
    }
}
