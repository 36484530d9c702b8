package id.berkasdesa.exchange;

import id.berkasdesa.common.MessageException;

/** A bundle or a response cannot be written or read as asked; the key says why and what to do. */
public final class BundleException extends MessageException {

    private static final long serialVersionUID = 1L;

    public BundleException(String key, Object... args) {
        super(key, null, args);
    }

    public BundleException(String key, Throwable cause, Object... args) {
        super(key, cause, args);
    }
}
