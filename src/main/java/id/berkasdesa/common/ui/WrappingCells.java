package id.berkasdesa.common.ui;

import javafx.scene.control.OverrunStyle;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;

/** Table cells for long free text (a reason, a note): wrapped over lines instead of cut with "…". */
public final class WrappingCells {

    private WrappingCells() {
    }

    public static <S> void install(TableColumn<S, String> column) {
        column.setCellFactory(c -> new TableCell<>() {
            {
                setWrapText(true);
                setTextOverrun(OverrunStyle.CLIP);
                // the text wraps at the column's width; the row grows to fit it
                prefWidthProperty().bind(column.widthProperty());
                setMinHeight(USE_PREF_SIZE);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item);
                setTooltip(empty || item == null || item.isBlank() ? null : new Tooltip(item));
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
