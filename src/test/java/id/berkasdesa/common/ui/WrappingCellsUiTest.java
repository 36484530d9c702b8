package id.berkasdesa.common.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A long reason in a table (a Dinas Sosial's, a refused bundle's) is read whole from the first time
 * the table shows: its row is as tall as its wrapped lines, with no resize of the window needed.
 */
@ExtendWith(ApplicationExtension.class)
class WrappingCellsUiTest {

    private static final String LONG = "Ditolak: NIK tidak padan dengan data Adminduk dan surat keterangan faskes sudah"
            + " lewat tiga bulan; minta surat baru dari puskesmas lalu kirim ulang usulan ini";
    private TableView<String> table;

    @Start
    void start(Stage stage) {
        table = new TableView<>();
        TableColumn<String, String> name = new TableColumn<>("Nama");
        name.setPrefWidth(150);
        name.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().equals(LONG) ? "SITI" : "BUDI"));
        TableColumn<String, String> note = new TableColumn<>("Keterangan");
        note.setPrefWidth(220);
        note.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        WrappingCells.install(note);
        table.getColumns().setAll(List.of(name, note));
        table.getItems().setAll("Unggah SIKS-NG", LONG);
        stage.setScene(new Scene(table, 420, 300));
        stage.show();
    }

    @Test
    void aLongReasonsRowIsAsTallAsItsLinesAtTheFirstLayout(FxRobot r) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        List<TableRow<?>> rows = r.lookup(".table-row-cell").queryAll().stream().<TableRow<?>>map(x -> (TableRow<?>) x)
                .filter(x -> x.getItem() != null).toList();
        TableRow<?> shortRow = rows.stream().filter(x -> !LONG.equals(x.getItem())).findFirst().orElseThrow();
        TableRow<?> longRow = rows.stream().filter(x -> LONG.equals(x.getItem())).findFirst().orElseThrow();
        TableCell<?, ?> cell = longRow.getChildrenUnmodifiable().stream().filter(c -> c instanceof TableCell<?, ?> t
                && LONG.equals(t.getItem())).map(c -> (TableCell<?, ?>) c).findFirst().orElseThrow();
        // the reason's lines at the column's width, in the cell's font, as a reader needs them
        double needed = WaitForAsyncUtils.asyncFx(() -> {
            Text lines = new Text(LONG);
            lines.setFont(cell.getFont());
            lines.setWrappingWidth(cell.getWidth() - cell.getPadding().getLeft() - cell.getPadding().getRight() - 2);
            return lines.getLayoutBounds().getHeight();
        }).get();
        assertThat(needed).as("the reason takes several lines").isGreaterThan(shortRow.getHeight() * 2);
        assertThat(longRow.getHeight()).as("its row shows every line").isGreaterThanOrEqualTo(needed);
        assertThat(cell.getText()).isEqualTo(LONG);
    }
}
