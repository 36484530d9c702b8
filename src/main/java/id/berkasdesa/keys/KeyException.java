package id.berkasdesa.keys;

import id.berkasdesa.common.MessageException;

/** The store's key could not be unlocked or kept: a wrong password or code, or a damaged key file. */
public final class KeyException extends MessageException {

    private static final long serialVersionUID = 1L;

    public KeyException(String key, Throwable cause, Object... args) {
        super(key, cause, args);
    }
}
