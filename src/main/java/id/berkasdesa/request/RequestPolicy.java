package id.berkasdesa.request;

import id.berkasdesa.document.Diagnosis;
import id.berkasdesa.common.DateText;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The numbers of the reactivation rules that regulation and districts move: settings with sourced
 * defaults, never constants in code. The required documents are the document settings' preset.
 *
 * @param windowMonths how long after the deletion was set a reactivation is still possible
 *        (6 months: Permensos 21/2019, kept by its 2026 successor)
 * @param soonDays a deadline closer than this is shown amber (30 days)
 * @param urgentCategories the diagnoses that make a request urgent (the ten of the reactivation guidance)
 * @param followUpPeriods within how many DTSEN update periods a reactivated person's data must be updated (2)
 * @param periodStarts the first days of the DTSEN update periods, ascending; after the last one the last
 *        interval repeats (default: quarterly, a district confirms its own schedule)
 */
public record RequestPolicy(int windowMonths, int soonDays, Set<Diagnosis> urgentCategories, int followUpPeriods,
        List<LocalDate> periodStarts) {

    public static final String PREFIX = "request.";
    public static final List<Diagnosis> URGENT_CHOICES = Arrays.stream(Diagnosis.values())
            .filter(d -> d != Diagnosis.LAINNYA).toList();
    public static final RequestPolicy DEFAULTS = new RequestPolicy(6, 30, EnumSet.copyOf(URGENT_CHOICES), 2,
            List.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 1), LocalDate.of(2026, 7, 1),
                    LocalDate.of(2026, 10, 1)));

    public RequestPolicy {
        if (windowMonths < 1 || windowMonths > 24) {
            throw new IllegalArgumentException("window out of range");
        }
        if (soonDays < 1 || soonDays > 180) {
            throw new IllegalArgumentException("amber days out of range");
        }
        if (followUpPeriods < 1 || followUpPeriods > 12) {
            throw new IllegalArgumentException("follow-up periods out of range");
        }
        urgentCategories = urgentCategories.isEmpty() ? EnumSet.noneOf(Diagnosis.class) : EnumSet.copyOf(urgentCategories);
        if (urgentCategories.contains(Diagnosis.LAINNYA)) {
            throw new IllegalArgumentException("'lainnya' is not an urgent category");
        }
        periodStarts = List.copyOf(new TreeSet<>(periodStarts));
        if (periodStarts.size() < 2) {
            throw new IllegalArgumentException("at least two period starts");
        }
    }

    public boolean isUrgent(Diagnosis category) {
        return category != null && urgentCategories.contains(category);
    }

    /** Reads stored values; anything missing or unreadable takes its default. */
    public static RequestPolicy from(Map<String, String> values) {
        int window = number(values.get(PREFIX + "windowMonths"), 1, 24, DEFAULTS.windowMonths);
        int soon = number(values.get(PREFIX + "soonDays"), 1, 180, DEFAULTS.soonDays);
        int periods = number(values.get(PREFIX + "followUpPeriods"), 1, 12, DEFAULTS.followUpPeriods);
        Set<Diagnosis> urgent = DEFAULTS.urgentCategories;
        String u = values.get(PREFIX + "urgentCategories");
        if (u != null) {
            urgent = EnumSet.noneOf(Diagnosis.class);
            for (String name : u.split(",")) {
                URGENT_CHOICES.stream().filter(d -> d.name().equals(name.strip())).forEach(urgent::add);
            }
        }
        List<LocalDate> starts = DEFAULTS.periodStarts;
        String p = values.get(PREFIX + "periodStarts");
        if (p != null) {
            Optional<List<LocalDate>> parsed = parsePeriodStarts(p);
            if (parsed.isPresent()) {
                starts = parsed.get();
            }
        }
        return new RequestPolicy(window, soon, urgent, periods, starts);
    }

    /** Period starts as the operator types them: dates ({@code dd-mm-yyyy}) separated by lines or commas. */
    public static Optional<List<LocalDate>> parsePeriodStarts(String text) {
        List<LocalDate> dates = new ArrayList<>();
        for (String part : text.split("[,;\\n]")) {
            if (part.isBlank()) {
                continue;
            }
            Optional<LocalDate> d = DateText.parse(part);
            if (d.isEmpty()) {
                return Optional.empty();
            }
            dates.add(d.get());
        }
        return new TreeSet<>(dates).size() < 2 ? Optional.empty() : Optional.of(dates);
    }

    public static String formatPeriodStarts(List<LocalDate> starts) {
        return starts.stream().map(DateText::format).collect(Collectors.joining("\n"));
    }

    private static int number(String text, int min, int max, int fallback) {
        try {
            int n = Integer.parseInt(text == null ? "" : text.strip());
            return n >= min && n <= max ? n : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public Map<String, String> toMap() {
        return Map.of(PREFIX + "windowMonths", String.valueOf(windowMonths),
                PREFIX + "soonDays", String.valueOf(soonDays),
                PREFIX + "followUpPeriods", String.valueOf(followUpPeriods),
                PREFIX + "urgentCategories", urgentCategories.stream().map(Enum::name).collect(Collectors.joining(",")),
                PREFIX + "periodStarts", starts(periodStarts));
    }

    private static String starts(List<LocalDate> dates) {
        return dates.stream().map(DateText::format).collect(Collectors.joining(","));
    }
}
