package id.berkasdesa.common;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Describes a failure for the log without personal data: exception types, SQL states and where it
 * happened in our code, never messages (Jdbi and H2 put the statement's bound values, such as a
 * NIK or a name, into theirs).
 */
public final class SafeLog {

    private SafeLog() {
    }

    public static String describe(Throwable e) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = e; t != null && parts.size() < 6; t = t.getCause()) {
            String part = t.getClass().getName();
            if (t instanceof SQLException sql) {
                part += " (SQLState " + sql.getSQLState() + ", code " + sql.getErrorCode() + ")";
            }
            parts.add(part + firstOwnFrame(t));
        }
        return String.join(" <- ", parts);
    }

    private static String firstOwnFrame(Throwable t) {
        for (StackTraceElement f : t.getStackTrace()) {
            if (f.getClassName().startsWith("id.berkasdesa.")) {
                return " at " + f.getClassName() + "." + f.getMethodName() + ":" + f.getLineNumber();
            }
        }
        return "";
    }
}
