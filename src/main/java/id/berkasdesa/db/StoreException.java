package id.berkasdesa.db;

import id.berkasdesa.common.MessageException;

/** The store cannot be opened or used: in use by another window, damaged, not writable, or newer. */
public final class StoreException extends MessageException {

    private static final long serialVersionUID = 1L;

    public StoreException(String key, Throwable cause, Object... args) {
        super(key, cause, args);
    }
}
