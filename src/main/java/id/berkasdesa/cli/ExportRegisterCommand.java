package id.berkasdesa.cli;

import id.berkasdesa.common.Messages;
import id.berkasdesa.imports.ImportException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code export-register --to FILE.xlsx|FILE.csv}: the register in OpenSID's import format. */
@Command(name = "export-register", description = "Ekspor data penduduk ke .xlsx (format impor OpenSID) atau .csv.")
final class ExportRegisterCommand implements Callable<Integer> {

    @ParentCommand
    BerkasDesaCommand parent;

    @Option(names = "--to", required = true, paramLabel = "FILE", description = "berkas .xlsx atau .csv yang dibuat")
    Path to;

    @Override
    public Integer call() {
        Messages messages = Messages.indonesian();
        return StoreCommand.run(parent, s -> {
            try {
                int rows = s.imports().exportRegister(to, p -> { });
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("file", to.toString());
                out.put("members", rows);
                System.out.println(Json.line(out));
                System.err.println(Messages.indonesian().get("cli.clearWarning", out.get("file")));
                return 0;
            } catch (ImportException e) {
                return Json.fail(1, e.key(), e.message(messages));
            }
        });
    }
}
