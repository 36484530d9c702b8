package id.berkasdesa.request;

import java.time.YearMonth;
import java.util.Set;

/**
 * What a request list shows. Every part is optional: null (or empty) means "any".
 *
 * @param text the register's search: NIK or No. KK digits (prefix), or part of a name
 * @param view a dashboard list (deadlines soon, follow-ups due…), or null for a plain list
 * @param month only requests made in this month (a bar of the dashboard's chart)
 */
public record RequestFilter(String text, Set<RequestStatus> statuses, Boolean urgent, String rt, String rw,
        Route route, View view, YearMonth month, int limit) {

    public static final int DEFAULT_LIMIT = 500;

    /** The lists behind the dashboard's numbers that are not a plain status. */
    public enum View {
        /** open, not yet sent, deadline within the amber days (and not past) */
        DEADLINE_SOON,
        /** reactivated, follow-up not yet recorded, due within the amber days or late */
        FOLLOW_UP_DUE,
        /** urgent and not yet ended */
        URGENT_OPEN;

        public String key() {
            return "request.view." + name();
        }
    }

    public RequestFilter {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        limit = limit <= 0 ? DEFAULT_LIMIT : limit;
    }

    public static RequestFilter all() {
        return new RequestFilter(null, null, null, null, null, null, null, null, DEFAULT_LIMIT);
    }

    public RequestFilter withStatuses(Set<RequestStatus> s) {
        return new RequestFilter(text, s, urgent, rt, rw, route, view, month, limit);
    }

    public RequestFilter withUrgent(Boolean u) {
        return new RequestFilter(text, statuses, u, rt, rw, route, view, month, limit);
    }

    public RequestFilter withView(View v) {
        return new RequestFilter(text, statuses, urgent, rt, rw, route, v, month, limit);
    }

    public RequestFilter withMonth(YearMonth m) {
        return new RequestFilter(text, statuses, urgent, rt, rw, route, view, m, limit);
    }

    public RequestFilter withArea(String newRt, String newRw) {
        return new RequestFilter(text, statuses, urgent, newRt, newRw, route, view, month, limit);
    }

    public RequestFilter withRoute(Route r) {
        return new RequestFilter(text, statuses, urgent, rt, rw, r, view, month, limit);
    }

    public RequestFilter withLimit(int l) {
        return new RequestFilter(text, statuses, urgent, rt, rw, route, view, month, l);
    }

    public RequestFilter withText(String t) {
        return new RequestFilter(t, statuses, urgent, rt, rw, route, view, month, limit);
    }
}
