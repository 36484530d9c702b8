package id.berkasdesa.common;

/** How much a finding matters: an error blocks saving, a warning needs one confirmation. */
public enum Severity {
    WARNING,
    ERROR
}
