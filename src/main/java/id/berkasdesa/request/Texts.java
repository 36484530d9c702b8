package id.berkasdesa.request;

import id.berkasdesa.common.Keyed;
import id.berkasdesa.common.Messages;
import id.berkasdesa.household.DateText;
import java.time.LocalDate;
import java.util.List;

/** Messages whose arguments are dates, statuses, documents or diagnoses: shown in the operator's words. */
public final class Texts {

    private Texts() {
    }

    public static String render(Messages messages, String key, List<Object> args) {
        return messages.get(key, args.stream().map(a -> arg(messages, a)).toArray());
    }

    public static Object arg(Messages messages, Object a) {
        if (a instanceof LocalDate d) {
            return DateText.format(d);
        }
        if (a instanceof Keyed k) {
            return messages.get(k.key());
        }
        return a;
    }
}
