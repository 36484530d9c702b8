package id.berkasdesa.household;

import id.berkasdesa.common.Findings;

/**
 * What happened to a save: stored (durably), refused because of errors, or waiting for the operator
 * to confirm the warnings. Nothing is written unless {@link #saved()}.
 */
public record SaveResult(Household household, Findings findings, boolean saved) {

    public boolean needsConfirmation() {
        return !saved && !findings.hasErrors() && findings.hasWarnings();
    }
}
