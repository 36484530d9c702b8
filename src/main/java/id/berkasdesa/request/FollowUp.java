package id.berkasdesa.request;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * After a reactivation the person's data must be updated within a number of DTSEN update periods.
 * The period in which the reactivation falls counts as the first (the earliest reading, so nobody
 * is caught out); the due date is the last day of the last counted period.
 */
public final class FollowUp {

    private FollowUp() {
    }

    /** The last day to update the data of a person reactivated on {@code reactivated}. */
    public static LocalDate due(LocalDate reactivated, RequestPolicy policy) {
        List<LocalDate> starts = policy.periodStarts();
        // the start of the period containing the date, walking the schedule (and its repetition) as needed
        LocalDate start = starts.get(0);
        int index = 0;
        while (start.isAfter(reactivated)) {
            index--;
            start = startOf(starts, index);
        }
        while (!startOf(starts, index + 1).isAfter(reactivated)) {
            index++;
        }
        return startOf(starts, index + policy.followUpPeriods()).minusDays(1);
    }

    /**
     * The start of period {@code index}: listed ones as given; after the last, the last interval
     * repeats; before the first, the first interval does. Intervals of whole months stay on the same
     * day of the month (1 Jan, 1 Apr, 1 Jul, 1 Oct, 1 Jan…).
     */
    static LocalDate startOf(List<LocalDate> starts, int index) {
        int last = starts.size() - 1;
        if (index >= 0 && index <= last) {
            return starts.get(index);
        }
        boolean after = index > last;
        LocalDate a = after ? starts.get(last - 1) : starts.get(0);
        LocalDate b = after ? starts.get(last) : starts.get(1);
        LocalDate base = after ? b : a;
        int steps = after ? index - last : -index;
        Period p = Period.between(a, b);
        if (p.getDays() == 0 && a.getDayOfMonth() == b.getDayOfMonth()) {
            long months = p.toTotalMonths();
            return after ? base.plusMonths(months * steps) : base.minusMonths(months * steps);
        }
        long days = ChronoUnit.DAYS.between(a, b);
        return after ? base.plusDays(days * steps) : base.minusDays(days * steps);
    }

    /** Days from {@code today} to the due date (negative once late). */
    public static long daysLeft(LocalDate due, LocalDate today) {
        return ChronoUnit.DAYS.between(today, due);
    }
}
