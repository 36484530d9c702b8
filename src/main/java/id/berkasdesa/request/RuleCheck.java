package id.berkasdesa.request;

import id.berkasdesa.common.Messages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One line of a request's checklist: which rule, how it came out, and the plain reason (a message
 * key with its arguments; dates, documents and diagnoses among them are shown in the operator's words).
 */
public record RuleCheck(Rule rule, Outcome outcome, String key, List<Object> args) {

    /** The rules of a reactivation request, in the order the checklist shows them. */
    public enum Rule {
        CHECK, DEADLINE, DOCUMENTS, URGENT, ADMINDUK, PERSON, DUPLICATE, DTSEN;

        public String key() {
            return "request.rule." + name();
        }
    }

    /** {@link #BLOCK} keeps the request a draft; {@link #WARN} is shown and noted, nothing more. */
    public enum Outcome { OK, WARN, BLOCK }

    public RuleCheck {
        Objects.requireNonNull(rule);
        Objects.requireNonNull(outcome);
        Objects.requireNonNull(key);
        args = Collections.unmodifiableList(new ArrayList<>(args));
    }

    static RuleCheck ok(Rule rule, String key, Object... args) {
        return new RuleCheck(rule, Outcome.OK, key, Arrays.asList(args));
    }

    static RuleCheck warn(Rule rule, String key, Object... args) {
        return new RuleCheck(rule, Outcome.WARN, key, Arrays.asList(args));
    }

    static RuleCheck block(Rule rule, String key, Object... args) {
        return new RuleCheck(rule, Outcome.BLOCK, key, Arrays.asList(args));
    }

    public String message(Messages messages) {
        return messages.get(key, args.toArray());
    }

    public boolean blocks() {
        return outcome == Outcome.BLOCK;
    }
}
