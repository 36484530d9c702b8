package id.berkasdesa.cli;

import id.berkasdesa.audit.AuditChain;
import id.berkasdesa.audit.AuditService;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.DateText;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code audit verify|export}: the audit trail's chain checked, and the trail exported (Administrator). */
@Command(name = "audit", description = "Rekam jejak: periksa rantainya, atau ekspor (.jsonl atau .csv).",
        subcommands = {AuditCommand.Verify.class, AuditCommand.Export.class})
final class AuditCommand {

    @ParentCommand
    BerkasDesaCommand parent;

    static int verdict(AuditChain.Verdict v, Messages messages) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", v.intact());
        out.put("entries", v.entries());
        if (v.head() != null) {
            out.put("head", v.head().seq() + " " + v.head().hash());
        }
        out.put("clockBack", v.clockBack());
        v.broken().ifPresent(b -> {
            out.put("brokenAt", b.seq());
            out.put("why", b.why().name().toLowerCase(java.util.Locale.ROOT));
            out.put("message", messages.get(switch (b.why()) {
                case SEQUENCE -> "cli.audit.broken.sequence";
                case PREVIOUS -> "cli.audit.broken.previous";
                case HASH -> "cli.audit.broken.hash";
                case UNREADABLE -> "cli.audit.broken.unreadable";
            }, b.seq()));
        });
        if (!v.changed().isEmpty()) {
            out.put("changed", v.changed().stream().map(f -> messages.get(f.key(), f.args().toArray())).toList());
        }
        System.out.println(Json.line(out));
        v.broken().ifPresent(b -> System.err.println(out.get("message")));
        v.changed().forEach(f -> System.err.println(messages.get(f.key(), f.args().toArray())));
        return v.intact() ? 0 : 1;
    }

    @Command(name = "verify", description = "Periksa rantai rekam jejak data ini, atau sebuah berkas .jsonl hasil ekspor.")
    static final class Verify implements Callable<Integer> {
        @ParentCommand
        AuditCommand group;

        @Option(names = "--file", paramLabel = "FILE", description = "berkas .jsonl hasil 'audit export'")
        Path file;

        @Option(names = "--backup", paramLabel = "FILE", description = "cadangan (.bdcadangan): rekam jejak data ini "
                + "harus memuat entri terakhir yang tercatat di cadangan itu (rekam jejak yang dipotong ketahuan)")
        Path backup;

        @Override
        public Integer call() {
            Messages messages = Messages.indonesian();
            if (file != null) {
                try {
                    return verdict(AuditService.verifyFile(file), messages);
                } catch (IOException e) {
                    return Json.fail(1, "cli.audit.unreadable", messages.get("cli.audit.unreadable", file.toString()));
                }
            }
            id.berkasdesa.backup.Manifest m;
            if (backup != null) {
                try {
                    m = id.berkasdesa.backup.Restore.preview(backup);
                } catch (id.berkasdesa.common.MessageException e) {
                    return Json.fail(2, e.key(), e.message(messages));
                }
            } else {
                m = null;
            }
            return StoreCommand.run(group.parent, w -> {
                id.berkasdesa.audit.AuditChain.Verdict v = w.audit().verify();
                if (m != null) {
                    List<id.berkasdesa.common.Finding> all = new java.util.ArrayList<>(v.changed());
                    all.addAll(w.audit().holds(m.auditEntries(), m.auditHead(), backup.getFileName().toString()));
                    v = v.with(all);
                }
                return verdict(v, messages);
            });
        }
    }

    @Command(name = "export", description = "Ekspor rekam jejak (.jsonl memuat semua yang perlu untuk memeriksa rantainya).")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        AuditCommand group;

        @Option(names = "--nik", paramLabel = "NIK", description = "hanya pemrosesan data orang ini")
        String nik;

        @Option(names = "--operator", paramLabel = "NAME")
        String operator;

        @Option(names = "--action", paramLabel = "ACTION", description = "mis. household.save, atau household untuk semuanya")
        String action;

        @Option(names = "--from", paramLabel = "dd-mm-yyyy")
        String from;

        @Option(names = "--until", paramLabel = "dd-mm-yyyy")
        String until;

        @Option(names = "--to", required = true, paramLabel = "FILE", description = ".jsonl atau .csv")
        Path to;

        @Override
        public Integer call() {
            Messages messages = Messages.indonesian();
            String name = to.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            if (!name.endsWith(".jsonl") && !name.endsWith(".csv") && !name.endsWith(".pdf")) {
                return Json.fail(2, "cli.audit.extension", messages.get("cli.audit.extension"));
            }
            LocalDate f = date(from);
            LocalDate u = date(until);
            if ((from != null && f == null) || (until != null && u == null)) {
                return Json.fail(2, "cli.audit.date", messages.get("cli.audit.date"));
            }
            return StoreCommand.run(group.parent, w -> {
                Set<String> forPerson = nik == null ? null : w.personIds(nik);
                try {
                    AuditService.Filter filter = new AuditService.Filter(forPerson, operator, f, u, action);
                    int n;
                    if (name.endsWith(".pdf")) {
                        w.audit().recordExport(filter);
                        var entries = w.audit().entries(filter);
                        String village = w.villages().profile().map(v -> v.namaDesa() + " (" + v.kodeDesa() + ")").orElse("");
                        new id.berkasdesa.audit.AuditPdf(messages, java.time.ZoneId.systemDefault()).save(
                                messages.get(nik != null ? "audit.pdf.personTitle" : "audit.pdf.title"),
                                List.of(village, nik != null ? messages.get("audit.pdf.person", nik.strip())
                                        : messages.get("audit.pdf.filter", operator == null ? "-" : operator,
                                                from == null ? "-" : from, until == null ? "-" : until),
                                        messages.get("audit.pdf.made", DateText.format(LocalDate.now()))), entries, to);
                        n = entries.size();
                    } else {
                        n = w.audit().export(filter, to);
                    }
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("ok", true);
                    out.put("file", to.toString());
                    out.put("entries", n);
                    System.out.println(Json.line(out));
                    System.err.println(messages.get("cli.clearWarning", to.toString()));
                    return 0;
                } catch (IOException e) {
                    return Json.fail(1, "cli.audit.write", messages.get("cli.audit.write", to.toString()));
                }
            });
        }

        private static LocalDate date(String text) {
            return text == null ? null : DateText.parse(text).orElse(null);
        }
    }
}
