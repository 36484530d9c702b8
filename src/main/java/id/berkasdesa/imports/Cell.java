package id.berkasdesa.imports;

/**
 * One cell as the file holds it: its text, and whether it was stored as a number (a NIK that Excel
 * turned into a number, a date as Excel's day count). A formula's cell is its last computed value.
 *
 * @param text a number's plain digits ("3201010101010000", "44197", "2.5"), never an exponent
 */
public record Cell(String text, boolean number) {

    public static final Cell EMPTY = new Cell("", false);

    public Cell {
        text = text == null ? "" : text;
    }

    public static Cell text(String text) {
        return text == null || text.isEmpty() ? EMPTY : new Cell(text, false);
    }

    public boolean blank() {
        return text.isBlank();
    }

    public String stripped() {
        return text.strip();
    }
}
