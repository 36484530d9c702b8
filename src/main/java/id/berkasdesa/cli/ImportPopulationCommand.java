package id.berkasdesa.cli;

import id.berkasdesa.common.Messages;
import id.berkasdesa.imports.ImportException;
import id.berkasdesa.imports.ImportService;
import id.berkasdesa.imports.PopulationFile;
import id.berkasdesa.imports.PopulationPlan;
import id.berkasdesa.imports.PopulationPlan.Confirm;
import id.berkasdesa.imports.Problem;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code import-population FILE [--format opensid|siak|csv] [--sheet NAME] [--confirm …] [--yes]}:
 * prints the preview (one JSON line of counts, then one line per problem) and applies it with
 * {@code --yes} or after asking on a console.
 */
@Command(name = "import-population", description = "Impor data penduduk dari OpenSID (format impor Excel), SIAK (.xls) atau CSV.")
final class ImportPopulationCommand implements Callable<Integer> {

    @ParentCommand
    BerkasDesaCommand parent;

    @Parameters(paramLabel = "FILE", description = "berkas .xlsx, .xlsm, .xls atau .csv")
    Path file;

    @Option(names = "--format", description = "opensid, siak atau csv (bila tidak diisi: dikenali dari isinya)")
    String format;

    @Option(names = "--sheet", description = "hanya lembar ini")
    String sheet;

    @Option(names = "--confirm", split = ",", description = "izinkan juga: pindah-kk, status, desa-lain")
    List<String> confirm = List.of();

    @Option(names = "--yes", description = "Terapkan tanpa bertanya.")
    boolean yes;

    @Override
    public Integer call() {
        Messages messages = Messages.indonesian();
        Optional<PopulationFile.Format> f = Optional.empty();
        if (format != null) {
            f = PopulationFile.Format.parse(format);
            if (f.isEmpty()) {
                return Json.fail(64, "cli.importPopulation.format", messages.get("cli.importPopulation.format", format));
            }
        }
        Set<Confirm> confirmed = EnumSet.noneOf(Confirm.class);
        for (String c : confirm) {
            Optional<Confirm> k = Confirm.parse(c);
            if (k.isEmpty()) {
                return Json.fail(64, "cli.importPopulation.confirm", messages.get("cli.importPopulation.confirm", c));
            }
            confirmed.add(k.get());
        }
        Optional<PopulationFile.Format> chosen = f;
        return StoreCommand.run(parent, s -> {
            ImportService imports = s.imports();
            ImportService.Preview preview;
            try {
                preview = imports.preview(file, chosen, Optional.ofNullable(sheet), p -> { });
            } catch (ImportException e) {
                return Json.fail(1, e.key(), e.message(messages));
            }
            if (!confirmed.isEmpty()) {
                preview = imports.reconsider(preview, confirmed);
            }
            PopulationPlan plan = preview.plan();
            System.out.println(Json.line(counts(preview, plan)));
            List<Problem> problems = new java.util.ArrayList<>(preview.read().problems());
            problems.addAll(plan.problems());
            for (Problem p : problems) {
                System.out.println(p.line(messages));
            }
            for (PopulationPlan.Change c : plan.changes()) {
                System.out.println(messages.get("cli.importPopulation.change", c.where(), c.column(), c.who(), c.before(), c.after()));
            }
            if (plan.nothingToWrite()) {
                System.out.println(messages.get("cli.importPopulation.nothing"));
                return plan.errors() > 0 ? 1 : 0;
            }
            if (!StoreCommand.confirmed(yes, messages, messages.get("cli.importPopulation.ask", plan.toWrite().size()))) {
                return 0;
            }
            ImportService.Applied applied = imports.apply(preview, confirmed, p -> { });
            System.out.println(messages.get("cli.importPopulation.applied", applied.plan().toWrite().size()));
            return 0;
        });
    }

    static Map<String, Object> counts(ImportService.Preview preview, PopulationPlan plan) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", preview.format().name().toLowerCase(Locale.ROOT));
        out.put("households", Map.of("new", plan.households().created(), "changed", plan.households().changed(),
                "unchanged", plan.households().unchanged()));
        out.put("members", Map.of("new", plan.members().created(), "changed", plan.members().changed(),
                "unchanged", plan.members().unchanged()));
        out.put("errors", plan.errors());
        out.put("warnings", plan.warnings() + preview.read().problems().size());
        Map<String, Object> waiting = new LinkedHashMap<>();
        plan.pending().forEach((k, v) -> waiting.put(k.cli(), v));
        out.put("needsConfirmation", waiting);
        out.put("ignoredColumns", preview.read().ignored());
        return out;
    }
}
