package id.berkasdesa.cli;

import id.berkasdesa.common.Finding;
import id.berkasdesa.common.Messages;
import id.berkasdesa.adminduk.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** What {@code nik} and {@code kk} share: one JSON line per input, exit 1 when any is invalid. */
final class NumberChecks {

    /** One checked number, as printed. Null fields print as JSON null. */
    record Row(Verdict verdict, String sex, String birthDate, String kecamatan, String kecamatanName,
            List<Finding> findings) {
    }

    private NumberChecks() {
    }

    static int print(List<String> inputs, Function<String, Row> check) {
        Messages messages = Messages.indonesian();
        boolean anyInvalid = false;
        for (String input : inputs) {
            Row r = check.apply(input);
            anyInvalid |= r.verdict() == Verdict.INVALID;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("input", input);
            m.put("verdict", r.verdict().json());
            m.put("sex", r.sex());
            m.put("birthDate", r.birthDate());
            m.put("kecamatan", r.kecamatan());
            m.put("kecamatanName", r.kecamatanName());
            m.put("messages", r.findings().stream().map(f -> f.message(messages)).toList());
            System.out.println(Json.line(m));
        }
        return anyInvalid ? 1 : 0;
    }
}
