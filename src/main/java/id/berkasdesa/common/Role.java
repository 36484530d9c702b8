package id.berkasdesa.common;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a signed-in person may do. Kemensos keeps the account administrator, data entry and the
 * verifier apart (Kepmensos 73/HUK/2024); a unit of work names its action ({@code household.save}),
 * and the store refuses it before any work unless the acting role {@link #may} do it.
 */
public enum Role {
    /** Everything, plus accounts, settings, backups and the audit trail. */
    ADMINISTRATOR,
    /** The register, documents, requests, bundles, responses, printing. */
    OPERATOR,
    /** Read-only: view, search, print, check a bundle (the Kepala Desa, a verifier). */
    PEMERIKSA;

    /** The features whose writes an operator makes. */
    private static final Set<String> OPERATOR_WORK = Set.of("household", "document", "request", "bundle", "response");

    /**
     * Writes anyone signed in makes for themselves (their own password, their sign-in), and the store's
     * upkeep that no one chooses (the requests re-checked on a new day or new settings).
     */
    static final Set<String> OWN = Set.of("operator.password", "signin.ok", "signin.failed", "signin.locked",
            "request.evaluate");

    public boolean may(String action) {
        if (OWN.contains(action) || this == ADMINISTRATOR) {
            return true;
        }
        return this == OPERATOR && OPERATOR_WORK.contains(feature(action));
    }

    public String key() {
        return "role." + name().toLowerCase(Locale.ROOT);
    }

    /** The command line's spelling: administrator, operator, pemeriksa (any case). */
    public static Optional<Role> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (Role r : values()) {
            if (r.name().equalsIgnoreCase(text.strip())) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    static String feature(String action) {
        int dot = action.indexOf('.');
        return dot < 0 ? action : action.substring(0, dot);
    }
}
