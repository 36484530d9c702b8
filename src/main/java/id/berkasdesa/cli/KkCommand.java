package id.berkasdesa.cli;

import id.berkasdesa.adminduk.NoKk;
import id.berkasdesa.wilayah.Wilayah;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code kk NUMBER...}: like {@code nik}, for No. KK ({@code sex} and {@code birthDate} always null). */
@Command(name = "kk", description = "Periksa No. KK (satu baris JSON per nomor).")
final class KkCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NO_KK", arity = "1..*", description = "No. KK yang diperiksa")
    List<String> inputs;

    @Override
    public Integer call() {
        Wilayah wilayah = Wilayah.load();
        return NumberChecks.print(inputs, input -> {
            NoKk.Check c = NoKk.check(input, wilayah);
            return new NumberChecks.Row(c.verdict(), null, null, c.kecamatan().orElse(null),
                    c.kecamatanName().orElse(null), c.findings().all());
        });
    }
}
