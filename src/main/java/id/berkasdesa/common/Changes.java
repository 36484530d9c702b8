package id.berkasdesa.common;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The names (never the values) of what changed between two versions of a record, for the audit trail. */
public final class Changes {

    private Changes() {
    }

    /** Every component of {@code after} when there is no {@code before} (a new one). */
    public static <R extends Record> List<String> names(R before, R after) {
        List<String> changed = new ArrayList<>();
        for (RecordComponent c : after.getClass().getRecordComponents()) {
            if (before == null || !Objects.equals(value(c, before), value(c, after))) {
                changed.add(c.getName());
            }
        }
        return changed;
    }

    private static Object value(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("a record's accessor is public", e);
        }
    }
}
