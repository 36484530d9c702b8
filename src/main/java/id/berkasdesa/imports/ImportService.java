package id.berkasdesa.imports;

import id.berkasdesa.household.Household;
import id.berkasdesa.household.HouseholdService;
import id.berkasdesa.imports.PopulationPlan.Confirm;
import id.berkasdesa.village.VillageProfile;
import id.berkasdesa.village.VillageService;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.DoubleConsumer;

/**
 * Brings a village's population file into the register: a preview first (nothing written), then
 * the rows that pass, in one unit of work. Applying works the plan out again against the register as
 * it is then, so what is written always fits the store, even if someone saved a KK in between.
 */
public final class ImportService {

    private final id.berkasdesa.db.Database db;
    private final HouseholdService households;
    private final VillageService villages;

    public ImportService(id.berkasdesa.db.Database db, HouseholdService households, VillageService villages) {
        this.db = db;
        this.households = households;
        this.villages = villages;
    }

    /**
     * Writes the register to {@code target} ({@code .xlsx} in OpenSID's import format, or {@code .csv});
     * the export of everyone's data is recorded in the audit trail (the file's name, never its content).
     *
     * @return the number of member rows
     */
    public int exportRegister(Path target, DoubleConsumer progress) {
        db.require("household.export");
        RegisterExport.kindOf(target);
        progress.accept(-1);
        int rows = RegisterExport.write(households.register(), target, progress);
        db.write("household.export", h -> {
            db.about("ekspor", TableFile.name(target), List.of());
            return null;
        });
        return rows;
    }

    /**
     * Writes the import's problem lines ({@code sheet!row column: message}) to a UTF-8 text file, whole
     * or not at all, for the operator to fix the source file with. @return the number of lines
     */
    public int saveProblems(List<String> lines, Path target) {
        try {
            byte[] text = (String.join("\r\n", lines) + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            id.berkasdesa.common.AtomicFile.write(target, out -> out.write(text));
            return lines.size();
        } catch (java.io.IOException e) {
            throw new ImportException("import.problems.failed", e);
        }
    }

    /** A file read and its plan; keeps the rows in memory until applied or dropped. */
    /**
     * @param confirmed the confirmations the plan was worked out with
     * @param auditHead the store's last unit of work when the plan was made: applying reuses the plan
     *     when nothing was written since
     */
    public record Preview(Path file, PopulationFile.Read read, PopulationPlan plan, Set<Confirm> confirmed, long auditHead) {
        public PopulationFile.Format format() {
            return read.format();
        }

        /** The file-level problems (a sheet without a header) and the plan's. */
        public List<Problem> problems() {
            List<Problem> all = new java.util.ArrayList<>(read.problems());
            all.addAll(plan.problems());
            return all;
        }
    }

    /** What was written. */
    public record Applied(PopulationPlan plan) {
    }

    /**
     * Reads the file and works out what importing it would do. Writes nothing.
     *
     * @throws ImportException a file that cannot be imported at all
     */
    public Preview preview(Path file, Optional<PopulationFile.Format> format, Optional<String> sheet,
            DoubleConsumer progress) {
        progress.accept(-1);
        PopulationFile.Read read = PopulationFile.read(file, format, sheet);
        progress.accept(0.6);
        long head = head();
        PopulationPlan plan = plan(read, Set.of());
        progress.accept(1);
        return new Preview(file, read, plan, Set.of(), head);
    }

    /** The same preview worked out again with other confirmations (the operator ticked one). */
    public Preview reconsider(Preview p, Set<Confirm> confirmed) {
        long head = head();
        return new Preview(p.file(), p.read(), plan(p.read(), confirmed), Set.copyOf(confirmed), head);
    }

    private long head() {
        return id.berkasdesa.audit.AuditService.headOf(db).map(id.berkasdesa.audit.AuditEntry::seq).orElse(0L);
    }

    /** The plan with these confirmations given (the preview's checkboxes), against the register as it is now. */
    public PopulationPlan plan(PopulationFile.Read read, Set<Confirm> confirmed) {
        Map<String, Household> register = households.register();
        return PopulationPlan.of(read.rows(), read.columns(), register, households.rules(), households.today(),
                village(), confirmed);
    }

    /**
     * Writes every valid row of the preview's file, with the confirmations given, in one durable unit
     * of work. Importing the same file again writes nothing.
     */
    public Applied apply(Preview preview, Set<Confirm> confirmed, DoubleConsumer progress) {
        progress.accept(-1);
        // nothing written since the preview: its plan stands (working it out again takes seconds and memory)
        PopulationPlan plan = preview.confirmed().equals(confirmed) && preview.auditHead() == head() ? preview.plan()
                : plan(preview.read(), confirmed);
        if (!plan.nothingToWrite()) {
            households.saveImport(UUID.randomUUID(), plan.toWrite(), plan.fields());
        }
        progress.accept(1);
        return new Applied(plan);
    }

    private PopulationPlan.Village village() {
        Optional<VillageProfile> p = villages.profile();
        return p.map(v -> new PopulationPlan.Village(v.kodeKecamatan().replace(".", ""), v.namaDesa())).orElse(null);
    }
}
