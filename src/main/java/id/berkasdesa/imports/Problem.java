package id.berkasdesa.imports;

import id.berkasdesa.common.Finding;
import id.berkasdesa.common.Messages;

/**
 * One thing an import found, where the operator can find it in the file.
 *
 * @param row 0 for the file as a whole (an ignored column)
 * @param column the file's own name for the column ("nik", "Tanggal Lahir"), or ""
 */
public record Problem(String sheet, int row, String column, Finding finding) implements Comparable<Problem> {

    public boolean isError() {
        return finding.isError();
    }

    /** {@code Data Penduduk!12 nik: …}, in the operator's language. */
    public String line(Messages messages) {
        String where = row > 0 ? sheet + "!" + row : sheet;
        String message = messages.get(finding.key(), finding.args().toArray());
        return column.isEmpty() ? where + ": " + message : where + " " + column + ": " + message;
    }

    @Override
    public int compareTo(Problem o) {
        int c = sheet.compareTo(o.sheet);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(row, o.row);
        return c != 0 ? c : column.compareTo(o.column);
    }
}
