package id.berkasdesa.db;

/**
 * The store cannot be opened or used, with a message key (see {@code i18n/messages}) that says why
 * and what to do. Its arguments never contain personal data.
 */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient Object[] args;

    public StoreException(String key, Throwable cause, Object... args) {
        super(key, cause);
        this.key = key;
        this.args = args.clone();
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }
}
