package id.berkasdesa.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every action the store knows — each unit of work is recorded under one, and each check of what a
 * person may do names one — with who may do it. The one place actions are declared: a feature's new
 * action is one line here; an action not here is refused to everyone ({@link Role#may}), so a
 * misspelt name fails at once instead of borrowing another feature's rights.
 */
public final class Actions {

    /**
     * Who may do an action. A village's Administrator may do all a village does; a district's
     * decisions are the Verifikator's to propose and the Pengesah's to endorse, never the Administrator's.
     */
    public enum Who {
        /** Administrators only: accounts, settings, backups, the trail, the district's key. */
        ADMINISTRATOR,
        /** Operators too: the register, documents, requests, bundles, answers. */
        OPERATOR,
        /** Anyone signed in, for themselves (their password, their sign-in) or as the store's own upkeep. */
        ANYONE,
        /** At a Dinas Sosial: the Verifikator and the Administrator (bundles, the ledger). */
        VERIFIKATOR,
        /** The Verifikator alone: proposing a decision, or withdrawing it before endorsement. */
        PROPOSER,
        /** The Pengesah alone: endorsing decisions (nobody else, the Administrator neither). */
        PENGESAH
    }

    /**
     * @param who who may do it once someone is signed in
     * @param beforeAnyone whether it may happen before anyone is known (the village setup and its
     *     sample, the first Administrator, a failed sign-in, a recovery)
     */
    public record Entry(String action, Who who, boolean beforeAnyone) {
    }

    private static final Map<String, Entry> ALL = new LinkedHashMap<>();
    private static final boolean SETUP = true;

    static {
        // the village and its settings
        add("village.save", Who.ADMINISTRATOR, SETUP);
        add("village.clearSample", Who.ADMINISTRATOR, SETUP);
        add("settings.change", Who.ADMINISTRATOR);
        add("district.import", Who.ADMINISTRATOR);
        // the register
        add("household.save", Who.OPERATOR);
        add("household.import", Who.OPERATOR);
        add("household.export", Who.OPERATOR);
        add("household.sample", Who.OPERATOR, SETUP);
        add("household.deleteSample", Who.OPERATOR, SETUP);
        // documents
        add("document.attach", Who.OPERATOR);
        add("document.detach", Who.OPERATOR);
        add("document.rotate", Who.OPERATOR);
        // requests, and the Dinas Sosial's PBI list that proposes them
        add("request.create", Who.OPERATOR);
        add("request.update", Who.OPERATOR);
        add("request.status", Who.OPERATOR);
        add("request.followUp", Who.OPERATOR);
        add("request.delete", Who.OPERATOR);
        add("request.sample", Who.OPERATOR, SETUP);
        add("request.importPbi", Who.OPERATOR);
        add("request.pbiColumns", Who.OPERATOR);
        add("request.evaluate", Who.ANYONE, SETUP);
        // the Dinas Sosial's side (issue 28): its setup, the villages' keys, the inbox, decisions in two steps
        add("dinas.setup", Who.ADMINISTRATOR, SETUP);
        add("dinas.villageKey", Who.ADMINISTRATOR);
        add("dinas.inbox", Who.VERIFIKATOR);
        add("dinas.claim", Who.PROPOSER);
        add("dinas.decide", Who.PROPOSER);
        add("dinas.withdraw", Who.PROPOSER);
        add("dinas.endorse", Who.PENGESAH);
        add("dinas.reason", Who.ADMINISTRATOR);
        add("dinas.answer", Who.VERIFIKATOR);
        add("dinas.duplicate", Who.PROPOSER);
        add("dinas.ledger", Who.VERIFIKATOR);
        add("dinas.letter", Who.VERIFIKATOR);
        add("dinas.settings", Who.ADMINISTRATOR);
        // letters the village issues
        add("letter.issue", Who.OPERATOR);
        add("letter.cancel", Who.OPERATOR);
        // bundles and answers
        add("bundle.export", Who.OPERATOR);
        add("response.import", Who.OPERATOR);
        // accounts and sign-in
        add("operator.first", Who.ADMINISTRATOR, SETUP);
        add("operator.recover", Who.ADMINISTRATOR, SETUP);
        add("operator.list", Who.ADMINISTRATOR);
        add("operator.add", Who.ADMINISTRATOR);
        add("operator.disable", Who.ADMINISTRATOR);
        add("operator.reset", Who.ADMINISTRATOR);
        add("operator.role", Who.ADMINISTRATOR);
        add("operator.password", Who.ANYONE);
        add("signin.ok", Who.ANYONE);
        add("signin.failed", Who.ANYONE, SETUP);
        add("signin.locked", Who.ANYONE, SETUP);
        // the trail, backups, the store's key
        add("audit.view", Who.ADMINISTRATOR);
        add("audit.verify", Who.ADMINISTRATOR);
        add("audit.export", Who.ADMINISTRATOR);
        add("audit.benchmark", Who.ADMINISTRATOR);
        add("backup.create", Who.ADMINISTRATOR);
        add("backup.restore", Who.ADMINISTRATOR);
        add("backup.rekey", Who.ADMINISTRATOR);
    }

    private Actions() {
    }

    private static void add(String action, Who who) {
        add(action, who, false);
    }

    private static void add(String action, Who who, boolean beforeAnyone) {
        if (ALL.put(action, new Entry(action, who, beforeAnyone)) != null) {
            throw new IllegalStateException("declared twice: " + action);
        }
    }

    public static Optional<Entry> of(String action) {
        return Optional.ofNullable(action == null ? null : ALL.get(action));
    }

    /** Every action, in the order declared. */
    public static Map<String, Entry> all() {
        return Collections.unmodifiableMap(ALL);
    }
}
