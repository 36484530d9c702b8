package id.berkasdesa.request;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One line of a request's history.
 *
 * @param followUp the data update that closed the follow-up, rather than a change of status
 * @param date the date the change is about (reactivation, data update), when it is not the day it was recorded
 * @param operator who recorded it; null for what was recorded before accounts
 */
public record RequestEvent(OffsetDateTime at, boolean followUp, RequestStatus status, LocalDate date, String bundle,
        String note, String operator) {
}
