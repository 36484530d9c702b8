package id.berkasdesa.request;

import id.berkasdesa.common.Finding;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.Severity;
import java.util.List;
import java.util.Objects;

/**
 * One line of a request's checklist: which rule, and what it found (a {@link Finding} filed under the
 * rule's name: passed, a warning, or an error that keeps the request a draft). The plain reason's
 * arguments (dates, documents, diagnoses) are shown in the operator's words.
 */
public record RuleCheck(Rule rule, Finding finding) {

    /** The rules of a reactivation request, in the order the checklist shows them. */
    public enum Rule {
        CHECK, DEADLINE, DOCUMENTS, URGENT, ADMINDUK, PERSON, DUPLICATE, DTSEN;

        public String key() {
            return "request.rule." + name();
        }

        /** The field a finding of this rule is filed under: request. and the rule in lower case. */
        public String field() {
            return "request." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** {@link #BLOCK} keeps the request a draft; {@link #WARN} is shown and noted, nothing more. */
    public enum Outcome {
        OK, WARN, BLOCK;

        static Outcome of(Severity severity) {
            return switch (severity) {
                case PASSED -> OK;
                case WARNING -> WARN;
                case ERROR -> BLOCK;
            };
        }
    }

    public RuleCheck {
        Objects.requireNonNull(rule);
        Objects.requireNonNull(finding);
    }

    static RuleCheck ok(Rule rule, String key, Object... args) {
        return new RuleCheck(rule, Finding.passed(rule.field(), key, args));
    }

    static RuleCheck warn(Rule rule, String key, Object... args) {
        return new RuleCheck(rule, Finding.warning(rule.field(), key, args));
    }

    static RuleCheck block(Rule rule, String key, Object... args) {
        return new RuleCheck(rule, Finding.error(rule.field(), key, args));
    }

    public Outcome outcome() {
        return Outcome.of(finding.severity());
    }

    public String key() {
        return finding.key();
    }

    public List<Object> args() {
        return finding.args();
    }

    public String message(Messages messages) {
        return finding.message(messages);
    }

    public boolean blocks() {
        return finding.isError();
    }
}
