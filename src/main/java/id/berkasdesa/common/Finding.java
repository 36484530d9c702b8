package id.berkasdesa.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One thing a check found about some input: a message key (resolved through {@link Messages}) with
 * its arguments, the field it belongs to, and how much it matters. The one result type of every
 * check: NIK and No. KK, household rules, a request's rules ({@code RuleCheck} wraps one), what the
 * request form could not read, a file that cannot become a document ({@link MessageException#finding()})
 * and a response row that is skipped.
 *
 * @param field the field it is about ("nik", "member.2.nama"…), or "" for the whole record
 */
public record Finding(Severity severity, String field, String key, List<Object> args) {

    public Finding {
        Objects.requireNonNull(severity);
        Objects.requireNonNull(field);
        Objects.requireNonNull(key);
        args = Collections.unmodifiableList(new ArrayList<>(args));
    }

    public static Finding error(String field, String key, Object... args) {
        return new Finding(Severity.ERROR, field, key, Arrays.asList(args));
    }

    public static Finding warning(String field, String key, Object... args) {
        return new Finding(Severity.WARNING, field, key, Arrays.asList(args));
    }

    public static Finding passed(String field, String key, Object... args) {
        return new Finding(Severity.PASSED, field, key, Arrays.asList(args));
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    public boolean isWarning() {
        return severity == Severity.WARNING;
    }

    /** The same finding, filed under another field (a member's NIK check becomes "member.3.nik"). */
    public Finding atField(String newField) {
        return new Finding(severity, newField, key, args);
    }

    public String message(Messages messages) {
        return messages.get(key, args.toArray());
    }
}
