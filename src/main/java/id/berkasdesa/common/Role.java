package id.berkasdesa.common;

import java.util.Locale;
import java.util.Optional;

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
    PEMERIKSA,
    /** At a Dinas Sosial: receives the villages' bundles, checks requests and proposes decisions. */
    VERIFIKATOR,
    /** At a Dinas Sosial (Kabid/Kadis): reads and endorses decisions, nothing else. */
    PENGESAH;

    /** The roles of a village's store, in the order the account forms offer them. */
    public static final java.util.List<Role> VILLAGE = java.util.List.of(ADMINISTRATOR, OPERATOR, PEMERIKSA);
    /** The roles of a Dinas Sosial's store. */
    public static final java.util.List<Role> DISTRICT = java.util.List.of(ADMINISTRATOR, VERIFIKATOR, PENGESAH, PEMERIKSA);

    /** Whether this role may do {@code action}, as {@link Actions} declares it (an undeclared action: nobody). */
    public boolean may(String action) {
        return Actions.of(action).map(e -> switch (e.who()) {
            case ANYONE -> true;
            case ADMINISTRATOR -> this == ADMINISTRATOR;
            case OPERATOR -> this == ADMINISTRATOR || this == OPERATOR;
            case VERIFIKATOR -> this == ADMINISTRATOR || this == VERIFIKATOR;
            case PROPOSER -> this == VERIFIKATOR;
            case PENGESAH -> this == PENGESAH;
        }).orElse(false);
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
}
