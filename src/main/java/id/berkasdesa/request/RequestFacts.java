package id.berkasdesa.request;

import id.berkasdesa.common.Findings;
import id.berkasdesa.document.Checklist;
import id.berkasdesa.document.Diagnosis;
import id.berkasdesa.household.Member;
import java.time.LocalDate;
import java.util.Set;

/**
 * Everything the rules look at for one request, gathered by the service (or set up by a test).
 *
 * @param householdFindings the Adminduk rules' findings on the member's household
 * @param checklist the member's document checklist under the village's requirement preset
 * @param faskesDiagnoses the diagnoses of the member's faskes letters that have not expired
 * @param otherOpenRequests open requests for the same NIK, this one not counted
 */
public record RequestFacts(RequestForm form, Member member, Findings householdFindings, Checklist checklist,
        Set<Diagnosis> faskesDiagnoses, int otherOpenRequests, LocalDate today) {

    public RequestFacts {
        faskesDiagnoses = Set.copyOf(faskesDiagnoses);
    }
}
