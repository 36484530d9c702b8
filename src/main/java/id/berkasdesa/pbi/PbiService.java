package id.berkasdesa.pbi;

import id.berkasdesa.common.Finding;
import id.berkasdesa.common.AtomicFile;
import id.berkasdesa.db.Database;
import id.berkasdesa.document.Diagnosis;
import id.berkasdesa.household.HouseholdRules;
import id.berkasdesa.imports.Cells;
import id.berkasdesa.imports.ImportException;
import id.berkasdesa.imports.Problem;
import id.berkasdesa.imports.TableFile;
import id.berkasdesa.imports.TableRow;
import id.berkasdesa.request.RequestPolicy;
import id.berkasdesa.request.RequestRules;
import id.berkasdesa.settings.SettingsStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The Dinas Sosial's list of deactivated PBI-JK: each NIK matched against the register, matched
 * members marked "PBI-JK nonaktif" with the deletion date (one unit of work; the same list again
 * changes nothing), and the Calon usulan: who could still be reactivated.
 */
public final class PbiService {

    /** Where the columns chosen for the last list are remembered, for the next one. */
    static final String COLUMNS = "kolomPbi.";

    private final Database db;
    private final SettingsStore settings;
    private final Supplier<RequestPolicy> policy;
    private final Clock clock;

    public PbiService(Database db, SettingsStore settings, Supplier<RequestPolicy> policy, Clock clock) {
        this.db = db;
        this.settings = settings;
        this.policy = policy;
        this.clock = clock;
    }

    /** A row of the list whose NIK is an active member of the register. */
    public record Matched(String where, String nik, String listName, LocalDate deletedOn, UUID memberId, String registerName,
            String noKk) {
    }

    /** A row whose NIK is not in this register (moved, never registered, or another village's). */
    public record Unmatched(String where, String nik, String listName, String noKk) {
    }

    /**
     * What the list would do.
     *
     * @param needsDate the list has no date column and no date for the whole list was given: nothing can be applied
     */
    public record Preview(Path file, PbiList list, PbiList.Columns columns, LocalDate deletedForAll, List<Matched> matched,
            List<Unmatched> unmatched, List<Problem> problems, boolean needsDate) {
        public int rows() {
            return list.rows().size();
        }

        public int errors() {
            return (int) problems.stream().filter(Problem::isError).count();
        }
    }

    public record Applied(int marked) {
    }

    /** Reads the list once; {@link #match} can then be run again with other columns without reading it again. */
    public PbiList read(Path file, Optional<String> sheet) {
        return PbiList.read(file, sheet, remembered());
    }

    public Preview preview(Path file, Optional<String> sheet, PbiList.Columns chosen, LocalDate deletedForAll) {
        return match(file, read(file, sheet), chosen, deletedForAll);
    }

    /**
     * Matches the list's rows against the register.
     *
     * @param chosen columns the operator chose (null fields: remembered, else recognised by name)
     * @param deletedForAll the deletion date for every row without one of its own, or null
     */
    public Preview match(Path file, PbiList list, PbiList.Columns chosen, LocalDate deletedForAll) {
        PbiList.Columns columns = list.recognised().over(remembered(), list.headers()).over(chosen, list.headers());
        int nik = list.column(columns.nik());
        if (nik < 0) {
            throw new ImportException("pbi.error.noNik", String.join(", ", list.headers().stream().filter(h -> !h.isEmpty()).toList()));
        }
        int nama = list.column(columns.nama());
        int noKk = list.column(columns.noKk());
        int tanggal = list.column(columns.tanggal());
        Map<String, Holder> active = activeMembers();
        LocalDate today = LocalDate.now(clock);
        List<Matched> matched = new ArrayList<>();
        List<Unmatched> unmatched = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        String nikColumn = columns.nik();
        for (TableRow r : list.rows()) {
            Cells.Read<Cells.NikValue> read = Cells.nik(r.cell(nik));
            if (!read.ok()) {
                problems.add(new Problem(r.sheet(), r.row(), nikColumn, Finding.error("", read.problem(), read.args())));
                continue;
            }
            String n = read.value().nik() == null ? "" : read.value().nik();
            if (!n.matches("\\d{16}")) {
                problems.add(new Problem(r.sheet(), r.row(), nikColumn, Finding.error("", "pbi.row.nik", n.length())));
                continue;
            }
            String first = seen.putIfAbsent(n, r.where());
            if (first != null) {
                problems.add(new Problem(r.sheet(), r.row(), nikColumn, Finding.warning("", "pbi.row.twice", first)));
                continue;
            }
            String listName = nama < 0 ? "" : r.cell(nama).stripped();
            LocalDate deleted = deletedForAll;
            if (tanggal >= 0 && !r.cell(tanggal).blank()) {
                Cells.Read<LocalDate> d = Cells.date(r.cell(tanggal));
                if (!d.ok()) {
                    problems.add(new Problem(r.sheet(), r.row(), columns.tanggal(), Finding.error("", d.problem(), d.args())));
                    continue;
                }
                deleted = d.value();
            }
            if (deleted != null && deleted.isAfter(today)) {
                problems.add(new Problem(r.sheet(), r.row(), columns.tanggal() == null ? "" : columns.tanggal(),
                        Finding.error("", "pbi.row.future")));
                continue;
            }
            Holder h = active.get(n);
            if (h == null) {
                unmatched.add(new Unmatched(r.where(), n, listName, noKk < 0 ? "" : Cells.cleanNumber(r.cell(noKk).text())));
                continue;
            }
            if (!listName.isEmpty() && !HouseholdRules.fold(listName).equals(HouseholdRules.fold(h.nama()))) {
                problems.add(new Problem(r.sheet(), r.row(), columns.nama(), Finding.warning("", "pbi.row.otherName", h.nama())));
            }
            matched.add(new Matched(r.where(), n, listName, deleted, h.memberId(), h.nama(), h.noKk()));
        }
        boolean needsDate = matched.stream().anyMatch(m -> m.deletedOn() == null);
        return new Preview(file, list, columns, deletedForAll, List.copyOf(matched), List.copyOf(unmatched),
                List.copyOf(problems), needsDate);
    }

    private record Holder(UUID memberId, String nama, String noKk) {
    }

    private Map<String, Holder> activeMembers() {
        Map<String, Holder> out = new HashMap<>();
        db.read(h -> h.createQuery("""
                SELECT m.nik_aktif, m.id, m.nama, hh.no_kk FROM member m JOIN household hh ON hh.id = m.household_id
                WHERE m.nik_aktif IS NOT NULL
                """).map((rs, ctx) -> out.put(rs.getString(1), new Holder(rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4)))).list());
        return out;
    }

    /**
     * Marks the matched members "PBI-JK nonaktif" with their deletion dates, in one durable unit of
     * work, and remembers the columns for the next list.
     *
     * @throws ImportException "pbi.error.noDate" when a matched row has no deletion date
     */
    public Applied apply(Preview p) {
        if (p.needsDate()) {
            throw new ImportException("pbi.error.noDate");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        String listName = TableFile.name(p.file());
        String shortName = listName.length() > 200 ? listName.substring(0, 200) : listName;
        int marked = db.write("request.importPbi", h -> {
            int n = 0;
            for (Matched m : p.matched()) {
                n += h.createUpdate("""
                        MERGE INTO pbi_nonaktif t USING (SELECT CAST(:member AS UUID) AS member_id) s ON t.member_id = s.member_id
                        WHEN MATCHED AND t.deleted_on <> :deleted THEN UPDATE SET deleted_on = :deleted, list_name = :list, imported_at = :now
                        WHEN NOT MATCHED THEN INSERT (member_id, deleted_on, list_name, imported_at) VALUES (:member, :deleted, :list, :now)
                        """).bind("member", m.memberId()).bind("deleted", m.deletedOn()).bind("list", shortName)
                        .bind("now", now).execute();
            }
            if (n == 0) {
                db.nothingDone();
            } else {
                db.about("pbiNonaktif", shortName, List.of("deleted_on"));
            }
            return n;
        });
        Map<String, String> remember = new LinkedHashMap<>();
        remember.put(COLUMNS + "nik", nz(p.columns().nik()));
        remember.put(COLUMNS + "nama", nz(p.columns().nama()));
        remember.put(COLUMNS + "noKk", nz(p.columns().noKk()));
        remember.put(COLUMNS + "tanggal", nz(p.columns().tanggal()));
        if (!remember.equals(settings.read(COLUMNS))) {
            settings.write("request.pbiColumns", remember);
        }
        return new Applied(marked);
    }

    /** The columns chosen for the last list applied. */
    public PbiList.Columns remembered() {
        Map<String, String> s = settings.read(COLUMNS);
        return new PbiList.Columns(blankToNull(s.get(COLUMNS + "nik")), blankToNull(s.get(COLUMNS + "nama")),
                blankToNull(s.get(COLUMNS + "noKk")), blankToNull(s.get(COLUMNS + "tanggal")));
    }

    /** The unmatched NIKs as a CSV for the Dinas Sosial (where in the list, NIK, name, No. KK); written whole or not at all. */
    public static void exportUnmatched(List<Unmatched> unmatched, Path target) {
        try {
            AtomicFile.write(target, out -> {
                var w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
                w.write('\uFEFF');
                var mapper = new com.fasterxml.jackson.dataformat.csv.CsvMapper();
                mapper.disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                try (var csv = mapper.writerFor(String[].class).with(com.fasterxml.jackson.dataformat.csv.CsvSchema
                        .emptySchema().withLineSeparator("\r\n")).writeValues(w)) {
                    csv.write(new String[] {"Baris", "NIK", "Nama", "No KK", "Keterangan"});
                    for (Unmatched u : unmatched) {
                        csv.write(new String[] {u.where(), u.nik(), u.listName(), u.noKk(), "Tidak ada di data penduduk desa"});
                    }
                }
                w.flush();
            });
        } catch (IOException e) {
            throw new ImportException("export.error.write", e, TableFile.name(target));
        }
    }

    /**
     * Who could still be reactivated: members marked PBI-JK nonaktif, living in the register, without
     * a request that is open or done, whose window has not passed; urgent-looking first (a faskes
     * letter on file with a diagnosis of an urgent category), then by days left.
     */
    public Candidates candidates() {
        RequestPolicy p = policy.get();
        RequestRules rules = new RequestRules(p);
        LocalDate today = LocalDate.now(clock);
        Set<String> urgent = p.urgentCategories().stream().map(Diagnosis::name).collect(Collectors.toSet());
        List<String> urgentNames = urgent.isEmpty() ? List.of("-") : List.copyOf(urgent);
        List<Candidate> all = db.read(h -> h.createQuery("""
                SELECT m.id, m.household_id, m.nama, m.nik, hh.no_kk, p.deleted_on,
                       CASE WHEN EXISTS (SELECT 1 FROM document d WHERE d.member_id = m.id AND d.kind = 'FASKES'
                                         AND d.diagnosis IN (<urgent>)) THEN 1 ELSE 0 END AS urgent
                FROM pbi_nonaktif p JOIN member m ON m.id = p.member_id JOIN household hh ON hh.id = m.household_id
                WHERE m.status = 'AKTIF'
                  AND NOT EXISTS (SELECT 1 FROM reactivation_request r WHERE r.member_id = m.id
                                  AND r.status NOT IN ('DITOLAK', 'GAGAL'))
                """).bindList("urgent", urgentNames).map((rs, ctx) -> {
                    LocalDate deleted = rs.getObject("deleted_on", LocalDate.class);
                    LocalDate deadline = rules.deadline(deleted);
                    return new Candidate(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(4), rs.getString(5), deleted, deadline, (int) ChronoUnit.DAYS.between(today, deadline),
                            rs.getInt("urgent") == 1, ChronoUnit.DAYS.between(today, deadline) < p.soonDays());
                }).list());
        List<Candidate> open = new ArrayList<>(all.stream().filter(c -> c.daysLeft() >= 0).toList());
        open.sort(Comparator.comparing((Candidate c) -> !c.urgent()).thenComparingInt(Candidate::daysLeft)
                .thenComparing(Candidate::nama));
        return new Candidates(List.copyOf(open), all.size() - open.size());
    }

    /** @param expired marked members whose window has passed (not listed) */
    public record Candidates(List<Candidate> list, int expired) {
    }

    /** @param soon fewer days left than the rules' amber setting: shown amber, as the request form shows its deadline */
    public record Candidate(UUID memberId, UUID householdId, String nama, String nik, String noKk, LocalDate deletedOn,
            LocalDate deadline, int daysLeft, boolean urgent, boolean soon) {
    }

    /** The deletion date the list gave this member, if marked. */
    public Optional<LocalDate> deletedOn(UUID memberId) {
        return db.read(h -> h.createQuery("SELECT deleted_on FROM pbi_nonaktif WHERE member_id = :m").bind("m", memberId)
                .mapTo(LocalDate.class).findOne());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
