package id.berkasdesa.adminduk;

import id.berkasdesa.common.Findings;

/** The overall result of checking one number, as the command line prints it. */
public enum Verdict {
    VALID("valid"),
    WARN("warn"),
    INVALID("invalid");

    private final String json;

    Verdict(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    static Verdict of(Findings findings) {
        if (findings.hasErrors()) {
            return INVALID;
        }
        return findings.hasWarnings() ? WARN : VALID;
    }
}
