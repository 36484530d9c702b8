package id.berkasdesa.document;

/**
 * A file cannot become a document, or a document cannot be stored, with a message key (see
 * {@code i18n/messages}) that says why and what to do. Arguments are file names and sizes, never
 * file contents; the exception's own message is the key, so logs carry no personal data.
 */
public final class DocumentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient Object[] args;

    public DocumentException(String key, Throwable cause, Object... args) {
        super(key, cause);
        this.key = key;
        this.args = args.clone();
    }

    public DocumentException(String key, Object... args) {
        this(key, null, args);
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }
}
