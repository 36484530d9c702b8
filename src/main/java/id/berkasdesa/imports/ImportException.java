package id.berkasdesa.imports;

import id.berkasdesa.common.MessageException;

/** A file that cannot be imported at all (not a spreadsheet, protected, too big, no readable header): nothing is written. */
public final class ImportException extends MessageException {

    private static final long serialVersionUID = 1L;

    public ImportException(String key, Object... args) {
        super(key, null, args);
    }

    public ImportException(String key, Throwable cause, Object... args) {
        super(key, cause, args);
    }
}
