package id.berkasdesa.request;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A stored request: the operator's form, where it stands, and what the rules derived when it was
 * last evaluated (urgency, deadline, number of blocking rules).
 *
 * @param bundle the bundle (or upload) it was sent in, once {@link RequestStatus#TERKIRIM}
 * @param decisionReason the Dinas Sosial's reason for a refusal, or the reason of a failure
 * @param followUpDue the last day to update the data of a reactivated person
 */
public record ReactivationRequest(UUID id, UUID householdId, UUID memberId, RequestForm form, RequestStatus status,
        boolean urgent, LocalDate deadline, int blocking, String bundle, String decisionReason,
        LocalDate reactivatedOn, LocalDate followUpDue, LocalDate followUpDone, OffsetDateTime createdAt) {
}
