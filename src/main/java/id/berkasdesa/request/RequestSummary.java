package id.berkasdesa.request;

import id.berkasdesa.document.Diagnosis;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One row of a request list: the person, their household's place, and where the request stands. */
public record RequestSummary(UUID id, UUID householdId, String nama, String nik, String noKk, String rt, String rw,
        Route route, RequestStatus status, boolean urgent, Diagnosis urgentCategory, LocalDate deletionDate,
        LocalDate deadline, int blocking, String bundle, String decisionReason, LocalDate followUpDue,
        LocalDate followUpDone, OffsetDateTime createdAt) {
}
