package id.berkasdesa.common;

/**
 * Something the operator must be told, as a message key (see {@code i18n/messages}) with its
 * arguments, saying what is wrong and what to do. The exception's own message is the key, so a log
 * line never carries the arguments (file names, folders), and they never carry personal data.
 */
public abstract class MessageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient Object[] args;

    protected MessageException(String key, Throwable cause, Object... args) {
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

    public String message(Messages messages) {
        return messages.get(key, args);
    }

    /** The same as a finding of the whole input ({@code field} ""), for code that lists what went wrong. */
    public Finding finding() {
        return new Finding(Severity.ERROR, "", key, java.util.Arrays.asList(args));
    }
}
