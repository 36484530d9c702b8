package id.berkasdesa.request;

import id.berkasdesa.common.Findings;
import java.time.LocalDate;
import java.util.List;

/**
 * What the rules say about one request on one day.
 *
 * @param deadline the last day a reactivation is possible, or null while the deletion date is unknown
 * @param daysLeft days from today to the deadline (0 on the day itself, negative once past), or null
 * @param urgent its category is one of the urgent categories of the settings
 */
public record Evaluation(List<RuleCheck> checks, LocalDate deadline, Integer daysLeft, Deadline deadlineState,
        boolean urgent) {

    /** How close the deadline is: amber under the "soon" days, past once the day has gone. */
    public enum Deadline { UNKNOWN, OK, SOON, PASSED }

    public Evaluation {
        checks = List.copyOf(checks);
    }

    /** The checklist as findings, one per rule (passed ones too), filed under the rule's field. */
    public Findings findings() {
        return Findings.of(checks.stream().map(RuleCheck::finding).toList());
    }

    /** Every blocking rule passes: the request may be sent. */
    public boolean ready() {
        return checks.stream().noneMatch(RuleCheck::blocks);
    }

    public int blocking() {
        return (int) checks.stream().filter(RuleCheck::blocks).count();
    }

    public List<RuleCheck> blockers() {
        return checks.stream().filter(RuleCheck::blocks).toList();
    }

    /** The status a request still being prepared has under this evaluation. */
    public RequestStatus preparedStatus() {
        return ready() ? RequestStatus.SIAP_KIRIM : RequestStatus.DRAF;
    }
}
