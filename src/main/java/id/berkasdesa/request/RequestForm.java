package id.berkasdesa.request;

import id.berkasdesa.document.Diagnosis;
import java.time.LocalDate;

/**
 * What the operator enters on a request. Anything may be missing while it is a draft: the rules say
 * what is still needed.
 *
 * @param checkDate when the operator confirmed the card is inactive, through {@code checkChannel}
 * @param bpjsNumber the 13-digit card number, when known
 * @param deletionDate the date the deletion was set (tanggal penetapan penonaktifan)
 * @param urgentCategory the diagnosis that makes the request urgent, or null
 * @param dtsenRegistered registered in DTKS/DTSEN, as far as the operator knows (null: not known)
 * @param adminduksPadan Adminduk data read online by the social registry (padan), null: not known
 */
public record RequestForm(LocalDate checkDate, CheckChannel checkChannel, String bpjsNumber, LocalDate deletionDate,
        Route route, String reason, Diagnosis urgentCategory, Boolean dtsenRegistered, Boolean adminduksPadan) {

    public static RequestForm empty() {
        return new RequestForm(null, null, null, null, Route.DESA, null, null, null, null);
    }

    public RequestForm {
        if (route == null) {
            route = Route.DESA;
        }
        bpjsNumber = blankToNull(bpjsNumber);
        reason = blankToNull(reason);
        if (urgentCategory == Diagnosis.LAINNYA) {
            urgentCategory = null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
