package id.berkasdesa.common;

/**
 * How much a finding matters: an error blocks (saving a household, sending a request, attaching a
 * file, applying a response row), a warning needs one confirmation or is shown and noted, and a
 * passed check is reported as such (a request's checklist shows its passed rules too).
 */
public enum Severity {
    PASSED,
    WARNING,
    ERROR
}
