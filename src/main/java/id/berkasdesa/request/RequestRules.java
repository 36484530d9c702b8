package id.berkasdesa.request;

import id.berkasdesa.document.Checklist;
import id.berkasdesa.household.MemberStatus;
import id.berkasdesa.request.Evaluation.Deadline;
import id.berkasdesa.request.RuleCheck.Rule;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of a reactivation request, as plain Java: the form, the window, the application and the
 * tests all ask this class. Today's date comes in with the facts, so a test sets the clock.
 */
public final class RequestRules {

    private final RequestPolicy policy;

    public RequestRules(RequestPolicy policy) {
        this.policy = policy;
    }

    /** The last day a reactivation is possible: the deletion date plus the window (31 Aug + 6 months = 28/29 Feb). */
    public LocalDate deadline(LocalDate deletionDate) {
        return deletionDate.plusMonths(policy.windowMonths());
    }

    public Evaluation evaluate(RequestFacts facts) {
        List<RuleCheck> checks = new ArrayList<>();
        RequestForm form = facts.form();
        LocalDate today = facts.today();

        checks.add(membershipCheck(form, today));

        LocalDate deadline = null;
        Integer daysLeft = null;
        Deadline state = Deadline.UNKNOWN;
        if (form.deletionDate() == null) {
            checks.add(RuleCheck.block(Rule.DEADLINE, "request.rule.deadline.unknown", policy.windowMonths()));
        } else if (form.deletionDate().isAfter(today)) {
            checks.add(RuleCheck.block(Rule.DEADLINE, "request.rule.deadline.future", form.deletionDate()));
        } else {
            deadline = deadline(form.deletionDate());
            daysLeft = (int) ChronoUnit.DAYS.between(today, deadline);
            if (daysLeft < 0) {
                state = Deadline.PASSED;
                checks.add(RuleCheck.block(Rule.DEADLINE, "request.rule.deadline.passed", policy.windowMonths(),
                        form.deletionDate(), deadline));
            } else if (daysLeft < policy.soonDays()) {
                state = Deadline.SOON;
                checks.add(RuleCheck.warn(Rule.DEADLINE, daysLeft == 0 ? "request.rule.deadline.today"
                        : "request.rule.deadline.soon", deadline, daysLeft));
            } else {
                state = Deadline.OK;
                checks.add(RuleCheck.ok(Rule.DEADLINE, "request.rule.deadline.ok", deadline, daysLeft));
            }
        }

        checks.addAll(documents(facts.checklist()));

        boolean urgent = policy.isUrgent(form.urgentCategory());
        if (form.urgentCategory() != null) {
            if (!urgent) {
                checks.add(RuleCheck.warn(Rule.URGENT, "request.rule.urgent.notUrgent", form.urgentCategory()));
            } else if (facts.faskesDiagnoses().contains(form.urgentCategory())) {
                checks.add(RuleCheck.ok(Rule.URGENT, "request.rule.urgent.ok", form.urgentCategory()));
            } else {
                checks.add(RuleCheck.block(Rule.URGENT, "request.rule.urgent.noLetter", form.urgentCategory()));
            }
        }

        if (facts.member().nik() == null) {
            checks.add(RuleCheck.block(Rule.ADMINDUK, "request.rule.adminduk.noNik"));
        } else if (facts.householdFindings().hasErrors()) {
            checks.add(RuleCheck.block(Rule.ADMINDUK, "request.rule.adminduk.invalid",
                    facts.householdFindings().errors().size()));
        } else {
            checks.add(RuleCheck.ok(Rule.ADMINDUK, "request.rule.adminduk.ok"));
        }
        if (form.adminduksPadan() == null) {
            checks.add(RuleCheck.warn(Rule.ADMINDUK, "request.rule.padan.unknown"));
        } else if (!form.adminduksPadan()) {
            checks.add(RuleCheck.warn(Rule.ADMINDUK, "request.rule.padan.no"));
        }

        MemberStatus status = facts.member().status();
        if (status == MemberStatus.PINDAH) {
            checks.add(RuleCheck.block(Rule.PERSON, "request.rule.person.moved", facts.member().statusDate()));
        } else if (status == MemberStatus.MENINGGAL) {
            checks.add(RuleCheck.block(Rule.PERSON, "request.rule.person.deceased", facts.member().statusDate()));
        } else {
            checks.add(RuleCheck.ok(Rule.PERSON, "request.rule.person.ok"));
        }

        checks.add(facts.otherOpenRequests() > 0
                ? RuleCheck.block(Rule.DUPLICATE, "request.rule.duplicate.open", facts.otherOpenRequests())
                : RuleCheck.ok(Rule.DUPLICATE, "request.rule.duplicate.none"));

        if (form.dtsenRegistered() == null) {
            checks.add(RuleCheck.warn(Rule.DTSEN, "request.rule.dtsen.unknown"));
        } else if (!form.dtsenRegistered()) {
            checks.add(RuleCheck.warn(Rule.DTSEN, "request.rule.dtsen.no"));
        } else {
            checks.add(RuleCheck.ok(Rule.DTSEN, "request.rule.dtsen.ok"));
        }
        return new Evaluation(checks, deadline, daysLeft, state, urgent);
    }

    private static RuleCheck membershipCheck(RequestForm form, LocalDate today) {
        if (form.checkDate() == null || form.checkChannel() == null) {
            return RuleCheck.block(Rule.CHECK, "request.rule.check.missing");
        }
        if (form.checkDate().isAfter(today)) {
            return RuleCheck.block(Rule.CHECK, "request.rule.check.future", form.checkDate());
        }
        return RuleCheck.ok(Rule.CHECK, "request.rule.check.ok", form.checkDate(), form.checkChannel());
    }

    /** One line per required document that is missing or expired; one line when all are there. */
    private static List<RuleCheck> documents(Checklist checklist) {
        List<RuleCheck> checks = new ArrayList<>();
        for (Checklist.Item item : checklist.items()) {
            if (!item.required()) {
                continue;
            }
            switch (item.state()) {
                case MISSING -> checks.add(RuleCheck.block(Rule.DOCUMENTS, "request.rule.documents.missing", item.kind()));
                case EXPIRED -> checks.add(RuleCheck.block(Rule.DOCUMENTS, "request.rule.documents.expired",
                        item.kind(), item.validUntil()));
                case PRESENT -> { }
            }
        }
        if (checks.isEmpty()) {
            checks.add(RuleCheck.ok(Rule.DOCUMENTS, "request.rule.documents.ok", checklist.preset()));
        }
        return checks;
    }
}
