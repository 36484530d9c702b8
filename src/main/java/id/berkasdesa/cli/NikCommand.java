package id.berkasdesa.cli;

import id.berkasdesa.common.Finding;
import id.berkasdesa.common.Messages;
import id.berkasdesa.household.Nik;
import id.berkasdesa.household.Verdict;
import id.berkasdesa.wilayah.Wilayah;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code nik NIK...}: one JSON line per input; exit 1 when any is invalid. */
@Command(name = "nik", description = "Periksa NIK menurut aturan Adminduk (satu baris JSON per NIK).")
final class NikCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NIK", arity = "1..*", description = "NIK yang diperiksa")
    List<String> inputs;

    @Override
    public Integer call() {
        Wilayah wilayah = Wilayah.load();
        Messages messages = Messages.indonesian();
        boolean anyInvalid = false;
        for (String input : inputs) {
            Nik.Check c = Nik.check(input, wilayah);
            anyInvalid |= c.verdict() == Verdict.INVALID;
            System.out.println(Json.line(fields(input, c.verdict(), c.sex().map(Enum::name).orElse(null),
                    c.birthDate().orElse(null), c.kecamatan().orElse(null), c.kecamatanName().orElse(null),
                    c.findings().all(), messages)));
        }
        return anyInvalid ? 1 : 0;
    }

    static Map<String, Object> fields(String input, Verdict verdict, String sex, String birthDate, String kecamatan,
            String kecamatanName, List<Finding> findings, Messages messages) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input", input);
        m.put("verdict", verdict.json());
        m.put("sex", sex);
        m.put("birthDate", birthDate);
        m.put("kecamatan", kecamatan);
        m.put("kecamatanName", kecamatanName);
        m.put("messages", findings.stream().map(f -> f.message(messages)).toList());
        return m;
    }
}
