package id.berkasdesa.cli;

import id.berkasdesa.common.Messages;
import id.berkasdesa.common.DateText;
import id.berkasdesa.imports.ImportException;
import id.berkasdesa.imports.Problem;
import id.berkasdesa.pbi.PbiList;
import id.berkasdesa.pbi.PbiService;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code import-pbi-list FILE [--columns nik=…,nama=…,tanggal=…] [--deleted dd-mm-yyyy] [--yes]}: one
 * JSON line of counts, then the problems and the unmatched NIKs; marks the matched members with
 * {@code --yes} (or after asking on a console).
 */
@Command(name = "import-pbi-list", description = "Impor daftar PBI-JK nonaktif dari Dinas Sosial (BNBA .xlsx/.xls/.csv).")
final class ImportPbiCommand implements Callable<Integer> {

    @ParentCommand
    BerkasDesaCommand parent;

    @Parameters(paramLabel = "FILE", description = "daftar dari Dinas Sosial")
    Path file;

    @Option(names = "--columns", split = ",", description = "kolom daftar: nik=JUDUL,nama=JUDUL,kk=JUDUL,tanggal=JUDUL")
    Map<String, String> columns = Map.of();

    @Option(names = "--deleted", paramLabel = "dd-mm-yyyy", description = "tanggal penonaktifan untuk seluruh daftar")
    String deleted;

    @Option(names = "--sheet", description = "lembar yang dibaca (bila tidak diisi: lembar pertama)")
    String sheet;

    @Option(names = "--yes", description = "Terapkan tanpa bertanya.")
    boolean yes;

    @Override
    public Integer call() {
        Messages messages = Messages.indonesian();
        LocalDate forAll = null;
        if (deleted != null) {
            Optional<LocalDate> d = DateText.parse(deleted);
            if (d.isEmpty()) {
                return Json.fail(64, "cli.pbi.date", messages.get("cli.pbi.date", deleted));
            }
            forAll = d.get();
        }
        for (String k : columns.keySet()) {
            if (!java.util.Set.of("nik", "nama", "kk", "tanggal").contains(k)) {
                return Json.fail(64, "cli.pbi.column", messages.get("cli.pbi.column", k));
            }
        }
        PbiList.Columns chosen = new PbiList.Columns(columns.get("nik"), columns.get("nama"), columns.get("kk"),
                columns.get("tanggal"));
        LocalDate date = forAll;
        return StoreCommand.run(parent, s -> {
            PbiService pbi = s.pbi();
            PbiService.Preview p;
            try {
                p = pbi.preview(file, Optional.ofNullable(sheet), chosen, date);
            } catch (ImportException e) {
                return Json.fail(1, e.key(), e.message(messages));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("rows", p.rows());
            out.put("matched", p.matched().size());
            out.put("unmatched", p.unmatched().size());
            out.put("errors", p.errors());
            Map<String, Object> used = new LinkedHashMap<>();
            used.put("nik", p.columns().nik());
            used.put("nama", p.columns().nama());
            used.put("kk", p.columns().noKk());
            used.put("tanggal", p.columns().tanggal());
            out.put("columns", used);
            System.out.println(Json.line(out));
            for (Problem problem : p.problems()) {
                System.out.println(problem.line(messages));
            }
            for (PbiService.Unmatched u : p.unmatched()) {
                System.out.println(messages.get("cli.pbi.unmatched", u.where(), u.nik(), u.listName()));
            }
            if (p.needsDate()) {
                System.out.println(messages.get("pbi.error.noDate"));
                return 1;
            }
            if (p.matched().isEmpty()) {
                return 0;
            }
            if (!StoreCommand.confirmed(yes, messages, messages.get("cli.pbi.ask", p.matched().size()))) {
                return 0;
            }
            PbiService.Applied a = pbi.apply(p);
            System.out.println(messages.get("cli.pbi.applied", p.matched().size(), a.marked()));
            return 0;
        });
    }
}
