package id.berkasdesa.account;

import id.berkasdesa.common.MessageException;

/**
 * A sign-in or an account change refused: wrong password, unknown or disabled user, a locked
 * account (until when), a password too short, the last Administrator. Nothing was changed.
 */
public final class AccountException extends MessageException {

    private static final long serialVersionUID = 1L;

    AccountException(String key, Object... args) {
        super(key, null, args);
    }

    /** True for the refusals of signing in (wrong password, unknown, disabled, locked, must change). */
    public boolean signIn() {
        return key().startsWith("account.signin.");
    }
}
