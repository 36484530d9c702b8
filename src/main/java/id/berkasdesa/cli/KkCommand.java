package id.berkasdesa.cli;

import id.berkasdesa.common.Messages;
import id.berkasdesa.household.NoKk;
import id.berkasdesa.household.Verdict;
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
        Messages messages = Messages.indonesian();
        boolean anyInvalid = false;
        for (String input : inputs) {
            NoKk.Check c = NoKk.check(input, wilayah);
            anyInvalid |= c.verdict() == Verdict.INVALID;
            System.out.println(Json.line(NikCommand.fields(input, c.verdict(), null, null, c.kecamatan().orElse(null),
                    c.kecamatanName().orElse(null), c.findings().all(), messages)));
        }
        return anyInvalid ? 1 : 0;
    }
}
