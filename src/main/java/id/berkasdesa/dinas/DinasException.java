package id.berkasdesa.dinas;

import id.berkasdesa.common.MessageException;

/** What the Dinas Sosial's side refuses, with the message key of its reason ({@code dinas.error.*}). */
public final class DinasException extends MessageException {

    public DinasException(String key, Object... args) {
        super(key, null, args);
    }
}
