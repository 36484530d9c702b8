package id.berkasdesa.backup;

import id.berkasdesa.common.MessageException;

/** A backup, restore or check that cannot be done, with what to do about it (keys {@code backup.*}). */
public final class BackupException extends MessageException {

    private static final long serialVersionUID = 1L;

    public BackupException(String key, Throwable cause, Object... args) {
        super(key, cause, args);
    }

    public BackupException(String key, Object... args) {
        super(key, null, args);
    }
}
