package id.berkasdesa.common;

import java.util.List;
import java.util.Objects;

/**
 * One thing a rule found about some input: a message key (resolved through {@link Messages}) with
 * its arguments, the field it belongs to, and how much it matters.
 *
 * @param field the field it is about ("nik", "member.2.nama"…), or "" for the whole record
 */
public record Finding(Severity severity, String field, String key, List<Object> args) {

    public Finding {
        Objects.requireNonNull(severity);
        Objects.requireNonNull(field);
        Objects.requireNonNull(key);
        args = List.copyOf(args);
    }

    public static Finding error(String field, String key, Object... args) {
        return new Finding(Severity.ERROR, field, key, List.of(args));
    }

    public static Finding warning(String field, String key, Object... args) {
        return new Finding(Severity.WARNING, field, key, List.of(args));
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The same finding, filed under another field (a member's NIK check becomes "member.3.nik"). */
    public Finding atField(String newField) {
        return new Finding(severity, newField, key, args);
    }

    public String message(Messages messages) {
        return messages.get(key, args.toArray());
    }
}
