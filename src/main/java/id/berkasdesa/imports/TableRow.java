package id.berkasdesa.imports;

import java.util.List;

/**
 * One row of a sheet.
 *
 * @param row the row's number as the spreadsheet shows it (1 is the first)
 * @param cells by column, the first column at 0; cells past the end are {@link Cell#EMPTY}
 */
public record TableRow(String sheet, int row, List<Cell> cells) {

    public TableRow {
        cells = List.copyOf(cells);
    }

    public Cell cell(int column) {
        return column >= 0 && column < cells.size() ? cells.get(column) : Cell.EMPTY;
    }

    public boolean blank() {
        return cells.stream().allMatch(Cell::blank);
    }

    /** "Data Penduduk!12", as problems are listed. */
    public String where() {
        return sheet + "!" + row;
    }
}
