package id.berkasdesa.cli;

import id.berkasdesa.exchange.BundleException;
import id.berkasdesa.bundle.ResponseService;
import id.berkasdesa.common.Messages;
import id.berkasdesa.keys.CipherWarmUp;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code import-response FILE [--yes]}: shows what the Dinas Sosial's response changes, and applies it. */
@Command(name = "import-response", description = "Baca balasan Dinas Sosial (usulan.xlsx yang sudah diisi, atau paket balasan .zip).")
final class ImportResponseCommand implements Callable<Integer> {

    @ParentCommand
    BerkasDesaCommand parent;

    @Parameters(paramLabel = "FILE", description = "usulan.xlsx yang diisi Dinas Sosial, atau paket balasan .zip")
    Path file;

    @Option(names = "--yes", description = "Terapkan tanpa bertanya.")
    boolean yes;

    @Override
    public Integer call() {
        CipherWarmUp.start(); // the cipher at full speed from the first megabyte
        Messages messages = Messages.indonesian();
        return StoreCommand.run(parent, s -> {
            ResponseService.Preview p;
            try {
                p = s.responses().read(file);
            } catch (BundleException e) {
                return Json.fail(1, e.key(), e.message(messages));
            }
            for (ResponseService.Change c : p.changes()) {
                System.out.println(messages.get("cli.import.change", c.nama(), c.nik(), messages.get(c.before().key()),
                        messages.get(c.after().key()), c.reason() == null ? "" : c.reason()));
            }
            for (ResponseService.Skipped k : p.skipped()) {
                System.out.println(messages.get("cli.import.skipped", k.row(), k.who(),
                        messages.get(k.key(), k.args().toArray())));
            }
            System.out.println(messages.get("cli.import.summary", p.changes().size(), p.skipped().size(),
                    p.alreadyRecorded(), p.undecided()));
            System.out.println(p.signedBy() != null ? messages.get("response.preview.signed", p.signedBy())
                    : messages.get("response.preview.unsigned"));
            boolean appliedBefore = p.answer() != null && p.answer().appliedBefore();
            if (appliedBefore) {
                System.out.println(messages.get("response.appliedBefore"));
            }
            if (p.changes().isEmpty()) {
                // an answer applied before is done, not a failure: its rows are skipped because they were applied
                return p.skipped().isEmpty() || appliedBefore ? 0 : 1;
            }
            if (!StoreCommand.confirmed(yes, messages, messages.get("cli.import.ask", p.changes().size()))) {
                return 0;
            }
            try {
                ResponseService.Applied a = s.responses().apply(p);
                System.out.println(messages.get("cli.import.applied", a.changed(), a.letters()));
                return 0;
            } catch (BundleException e) {
                return Json.fail(1, e.key(), e.message(messages));
            }
        });
    }
}
