package id.berkasdesa.cli;

import id.berkasdesa.backup.StoreCheck;
import id.berkasdesa.exchange.Progress;
import id.berkasdesa.common.Messages;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code check}: Periksa data, one JSON object; exit 1 when a problem was found. */
@Command(name = "check", description = "Periksa data: basis data dibaca utuh, setiap dokumen dengan checksum-nya, dan jejak audit. "
        + "Mencetak satu objek JSON.")
final class CheckCommand implements Callable<Integer> {

    @ParentCommand
    BerkasDesaCommand parent;

    @Override
    public Integer call() {
        Messages messages = Messages.indonesian();
        return StoreCommand.run(parent, s -> {
            StoreCheck.Report r = s.backups().check(Progress.none());
            System.out.println(Json.line(figures(r, messages)));
            return r.ok() ? 0 : 1;
        });
    }

    /** The figures {@code check}, {@code backup} and {@code restore} print alike. */
    static Map<String, Object> figures(StoreCheck.Report r, Messages messages) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("households", r.households());
        out.put("members", r.members());
        out.put("documents", r.documents());
        out.put("requests", r.requests());
        Map<String, Object> audit = new LinkedHashMap<>();
        audit.put("entries", r.auditEntries());
        audit.put("head", r.auditHead());
        out.put("audit", audit);
        out.put("problems", r.problems().stream().map(f -> messages.get(f.key(), f.args().toArray())).toList());
        return out;
    }
}
