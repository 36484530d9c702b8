package id.berkasdesa.request;

import id.berkasdesa.common.Messages;
import id.berkasdesa.document.Diagnosis;
import id.berkasdesa.document.DocumentKind;
import id.berkasdesa.document.RequirementPreset;
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
        if (a instanceof RequestStatus s) {
            return messages.get(s.key());
        }
        if (a instanceof DocumentKind k) {
            return messages.get(k.key());
        }
        if (a instanceof Diagnosis d) {
            return messages.get(d.key());
        }
        if (a instanceof CheckChannel c) {
            return messages.get(c.key());
        }
        if (a instanceof Route r) {
            return messages.get(r.key());
        }
        if (a instanceof RequirementPreset p) {
            return messages.get(p.key());
        }
        return a;
    }
}
