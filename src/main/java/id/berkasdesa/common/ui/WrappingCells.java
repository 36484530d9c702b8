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
}
