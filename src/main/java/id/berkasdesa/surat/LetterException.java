package id.berkasdesa.surat;

import id.berkasdesa.common.MessageException;

/** A letter that cannot be issued, cancelled or checked as asked: the key of the message that says why and how to fix it. */
public final class LetterException extends MessageException {

    public LetterException(String key, Object... args) {
        super(key, null, args);
    }
}
