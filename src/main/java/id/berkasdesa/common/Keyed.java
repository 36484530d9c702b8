package id.berkasdesa.common;

/** A value with a name in the message bundles (statuses, document kinds, diagnoses…). */
public interface Keyed {

    /** The message key of this value's name. */
    String key();
}
