package id.berkasdesa.cli;

import id.berkasdesa.adminduk.Nik;
import id.berkasdesa.wilayah.Wilayah;
import java.util.List;
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
        return NumberChecks.print(inputs, input -> {
            Nik.Check c = Nik.check(input, wilayah);
            return new NumberChecks.Row(c.verdict(), c.sex().map(Enum::name).orElse(null), c.birthDate().orElse(null),
                    c.kecamatan().orElse(null), c.kecamatanName().orElse(null), c.findings().all());
        });
    }
}
