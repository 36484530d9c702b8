package id.berkasdesa.files;

import id.berkasdesa.common.MessageException;

/** A file cannot become a document, or a document cannot be stored or shown; the key says why. */
public final class DocumentException extends MessageException {

    private static final long serialVersionUID = 1L;

    public DocumentException(String key, Throwable cause, Object... args) {
        super(key, cause, args);
    }

    public DocumentException(String key, Object... args) {
        super(key, null, args);
    }

    /**
     * What a decoder's failure means to the operator: a problem already explained stays as it is;
     * anything else a decoder throws on a bad file becomes {@code key}.
     */
    public static DocumentException of(Exception e, String key, Object... args) {
        return e instanceof DocumentException d ? d : new DocumentException(key, e, args);
    }
}
