package id.berkasdesa.request;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The home screen's numbers, read from what is stored (nothing re-evaluated), so it shows at once.
 *
 * @param byStatus requests per status, every status present
 * @param urgentByStatus urgent requests per status
 * @param deadlinesSoon open requests not yet sent whose deadline is within the amber days
 * @param followUpsDue reactivated people whose data update is due within the amber days, or late
 * @param urgentOpen the open urgent requests, most pressing first (a few, for the home screen)
 * @param perMonth requests made per month (the last twelve months, oldest first) and their status now
 * @param soonDays the amber days of the settings, which "soon" means here
 * @param today the day the numbers are for
 */
public record Dashboard(LocalDate today, Map<RequestStatus, Integer> byStatus, Map<RequestStatus, Integer> urgentByStatus,
        int deadlinesSoon, int followUpsDue, int soonDays, List<RequestSummary> urgentOpen,
        Map<YearMonth, Map<RequestStatus, Integer>> perMonth) {

    /** No requests at all: twelve empty months ending with {@code today}'s. */
    public static Dashboard empty(LocalDate today) {
        Map<RequestStatus, Integer> zero = new java.util.EnumMap<>(RequestStatus.class);
        for (RequestStatus s : RequestStatus.values()) {
            zero.put(s, 0);
        }
        Map<YearMonth, Map<RequestStatus, Integer>> months = new java.util.LinkedHashMap<>();
        for (int i = 11; i >= 0; i--) {
            months.put(YearMonth.from(today).minusMonths(i), Map.of());
        }
        return new Dashboard(today, zero, zero, 0, 0, 30, List.of(), months);
    }

    public int total() {
        return byStatus.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int urgentOpenCount() {
        return urgentByStatus.entrySet().stream().filter(e -> e.getKey().open()).mapToInt(Map.Entry::getValue).sum();
    }
}
