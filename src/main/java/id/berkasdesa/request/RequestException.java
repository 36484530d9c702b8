package id.berkasdesa.request;

import id.berkasdesa.common.MessageException;

/** A request cannot be made or changed as asked; the key says why and what to do. */
public final class RequestException extends MessageException {

    private static final long serialVersionUID = 1L;

    public RequestException(String key, Object... args) {
        super(key, null, args);
    }
}
