package id.berkasdesa.request;

import id.berkasdesa.common.Finding;
import id.berkasdesa.common.Findings;
import id.berkasdesa.document.Diagnosis;
import id.berkasdesa.common.DateText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The request form as typed: text for dates and the card number. {@link #parse()} turns it into a
 * {@link RequestForm}, or says per field what cannot be read; it never throws on what an operator types.
 */
public record RequestInput(String checkDate, CheckChannel checkChannel, String bpjsNumber, String deletionDate,
        Route route, String reason, Diagnosis urgentCategory, Boolean dtsenRegistered, Boolean adminduksPadan) {

    public static final int MAX_REASON = 500;

    /** @param findings an error per field that cannot be read ("checkDate", "bpjsNumber", "deletionDate", "reason") */
    public record Parsed(RequestForm form, Findings findings) {
        public boolean ok() {
            return !findings.hasErrors();
        }

        /** Message key by field, for a form that shows one line under each field. */
        public Map<String, String> problems() {
            Map<String, String> byField = new LinkedHashMap<>();
            findings.errors().forEach(f -> byField.putIfAbsent(f.field(), f.key()));
            return byField;
        }
    }

    public static RequestInput of(RequestForm f) {
        return new RequestInput(f.checkDate() == null ? "" : DateText.format(f.checkDate()), f.checkChannel(),
                f.bpjsNumber() == null ? "" : f.bpjsNumber(),
                f.deletionDate() == null ? "" : DateText.format(f.deletionDate()), f.route(), f.reason() == null ? "" : f.reason(),
                f.urgentCategory(), f.dtsenRegistered(), f.adminduksPadan());
    }

    public Parsed parse() {
        List<Finding> problems = new ArrayList<>();
        var check = date(checkDate, "checkDate", problems);
        var deletion = date(deletionDate, "deletionDate", problems);
        String bpjs = bpjsNumber == null ? "" : bpjsNumber.replaceAll("[\\s.-]", "");
        if (!bpjs.isEmpty() && !bpjs.matches("\\d{13}")) {
            problems.add(Finding.error("bpjsNumber", "request.field.bpjs"));
        }
        if (reason != null && reason.strip().length() > MAX_REASON) {
            problems.add(Finding.error("reason", "request.field.reasonLong"));
        }
        RequestForm form = new RequestForm(check.orElse(null), checkChannel, bpjs.isEmpty() ? null : bpjs,
                deletion.orElse(null), route, reason, urgentCategory, dtsenRegistered, adminduksPadan);
        return new Parsed(form, Findings.of(problems));
    }

    private static Optional<java.time.LocalDate> date(String text, String field, List<Finding> problems) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Optional<java.time.LocalDate> d = DateText.parse(text);
        if (d.isEmpty()) {
            problems.add(Finding.error(field, "request.field.date"));
        }
        return d;
    }
}
