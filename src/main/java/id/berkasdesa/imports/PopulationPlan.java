package id.berkasdesa.imports;

import id.berkasdesa.common.Finding;
import id.berkasdesa.common.Findings;
import id.berkasdesa.household.CodeList;
import id.berkasdesa.household.Household;
import id.berkasdesa.household.HouseholdRules;
import id.berkasdesa.household.HouseholdService;
import id.berkasdesa.household.Member;
import id.berkasdesa.household.MemberStatus;
import id.berkasdesa.adminduk.Sex;
import id.berkasdesa.imports.PersonRow.Field;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What importing a population file would do to the register, worked out in memory before anything
 * is written: which households and members are new, changed (field by field, old → new) or
 * unchanged, which rows the KK rules refuse, and what waits for the operator's own confirmation
 * (a NIK moving to another KK, a status set to dead or moved, a KK of another village). Plain Java:
 * the same file and register always give the same plan.
 */
public final class PopulationPlan {

    /** What an import never does without being told to. */
    public enum Confirm {
        MOVES("pindah-kk"), STATUS("status"), OTHER_VILLAGE("desa-lain");

        private final String cli;

        Confirm(String cli) {
            this.cli = cli;
        }

        public String cli() {
            return cli;
        }

        public static java.util.Optional<Confirm> parse(String text) {
            for (Confirm c : values()) {
                if (c.cli.equalsIgnoreCase(text.strip()) || c.name().equalsIgnoreCase(text.strip())) {
                    return java.util.Optional.of(c);
                }
            }
            return java.util.Optional.empty();
        }
    }

    public record Counts(int created, int changed, int unchanged) {
    }

    /** One field of one person or KK that the import changes. */
    public record Change(String where, String who, String column, String before, String after) {
    }

    /** The village the register is of: the kecamatan digits of its KK numbers and its name. */
    public record Village(String kecamatanDigits, String name) {
    }

    private final Counts households;
    private final Counts members;
    private final int errorRows;
    private final List<Problem> problems;
    private final Map<Confirm, Integer> pending;
    private final List<Change> changes;
    private final List<Household> toWrite;
    private final Set<String> fields;

    private PopulationPlan(Counts households, Counts members, int errorRows, List<Problem> problems,
            Map<Confirm, Integer> pending, List<Change> changes, List<Household> toWrite, Set<String> fields) {
        this.households = households;
        this.members = members;
        this.errorRows = errorRows;
        this.problems = problems;
        this.pending = pending;
        this.changes = changes;
        this.toWrite = toWrite;
        this.fields = fields;
    }

    public Counts households() {
        return households;
    }

    public Counts members() {
        return members;
    }

    /** Rows left out because of an error. */
    public int errors() {
        return errorRows;
    }

    public int warnings() {
        return (int) problems.stream().filter(p -> p.finding().isWarning()).count();
    }

    /** Errors, warnings and rows waiting for a confirmation, in file order. */
    public List<Problem> problems() {
        return problems;
    }

    /** How many rows (or KKs, for another village) wait for each confirmation not given. */
    public Map<Confirm, Integer> pending() {
        return pending;
    }

    public List<Change> changes() {
        return changes;
    }

    public List<Household> toWrite() {
        return toWrite;
    }

    public Set<String> fields() {
        return fields;
    }

    public boolean nothingToWrite() {
        return toWrite.isEmpty();
    }

    // ------------------------------------------------------------------------------------------

    /**
     * Works out the plan.
     *
     * @param columns the file's own name for each field, for the problem lines
     * @param village null when the register has no village yet (no other-village check)
     */
    public static PopulationPlan of(List<PersonRow> rows, Map<Field, String> columns, Map<String, Household> register,
            HouseholdRules rules, LocalDate today, Village village, Set<Confirm> confirmed) {
        Map<PersonRow, Finding> refused = new LinkedHashMap<>();
        for (int round = 0; round < 10; round++) {
            Planner p = new Planner(rows, columns, register, rules, today, village, confirmed, refused);
            Map<PersonRow, Finding> more = p.run();
            if (more.isEmpty()) {
                return p.plan();
            }
            refused.putAll(more);
        }
        throw new IllegalStateException("the import plan did not settle");
    }

    private static final class Planner {
        private final List<PersonRow> rows;
        private final Map<Field, String> columns;
        private final Map<String, Household> register;
        private final HouseholdRules rules;
        private final LocalDate today;
        private final Village village;
        private final Set<Confirm> confirmed;
        /** Rows a later check refused (a move that would leave the old KK without a head): left out in this round. */
        private final Map<PersonRow, Finding> refused;

        private final List<Problem> problems = new ArrayList<>();
        private final Map<Confirm, Integer> pending = new EnumMap<>(Confirm.class);
        private final List<Change> changes = new ArrayList<>();
        private final Set<String> fields = new LinkedHashSet<>();
        private final Set<PersonRow> errorRows = new HashSet<>();
        /** Households as the import leaves them, by No. KK (the register's, changed). */
        private final Map<String, Household> working = new LinkedHashMap<>();
        private final Set<String> written = new LinkedHashSet<>();
        /** Households members moved out of, and which rows moved them. */
        private final Map<String, List<PersonRow>> movedOutOf = new HashMap<>();
        /** Active NIK → the No. KK that holds it in the register. */
        private final Map<String, String> activeNik = new HashMap<>();
        /**
         * New ids in the order the plan makes them (time first, then a counter, then random bits): the
         * rows go into the store's indexes at their ends instead of at random pages, which in one
         * transaction of 80,000 members is the difference between seconds and a minute.
         */
        private long nextId = System.currentTimeMillis() << 20;
        private final java.util.Random random = new java.util.Random();

        private UUID newId() {
            return new UUID(nextId++, random.nextLong());
        }

        private int hhNew;
        private int hhChanged;
        private int hhSame;
        private int mNew;
        private int mChanged;
        private int mSame;

        Planner(List<PersonRow> rows, Map<Field, String> columns, Map<String, Household> register, HouseholdRules rules,
                LocalDate today, Village village, Set<Confirm> confirmed, Map<PersonRow, Finding> refused) {
            this.rows = rows;
            this.columns = columns;
            this.register = register;
            this.rules = rules;
            this.today = today;
            this.village = village;
            this.confirmed = confirmed;
            this.refused = refused;
            for (Household h : register.values()) {
                for (Member m : h.members()) {
                    if (m.isActive() && m.nik() != null) {
                        activeNik.put(m.nik(), h.noKk());
                    }
                }
            }
        }

        PopulationPlan plan() {
            problems.sort(null);
            List<Household> out = written.stream().map(working::get).toList();
            return new PopulationPlan(new Counts(hhNew, hhChanged, hhSame), new Counts(mNew, mChanged, mSame),
                    errorRows.size(), List.copyOf(problems), Map.copyOf(pending), List.copyOf(changes), out,
                    Set.copyOf(fields));
        }

        /** @return rows refused by the last check, to leave out in another round; empty when the plan stands */
        Map<PersonRow, Finding> run() {
            Map<String, List<PersonRow>> byNik = new HashMap<>();
            for (PersonRow r : rows) {
                if (!r.hasErrors() && r.nik() != null && !r.nik().isEmpty()) {
                    byNik.computeIfAbsent(r.nik(), k -> new ArrayList<>()).add(r);
                }
            }
            Map<String, List<PersonRow>> groups = new LinkedHashMap<>();
            for (PersonRow r : rows) {
                for (Finding f : r.problems()) {
                    add(r, f.field(), f);
                }
                if (r.hasErrors()) {
                    errorRows.add(r);
                    continue;
                }
                if (refused.containsKey(r)) {
                    error(r, "", refused.get(r));
                    continue;
                }
                List<PersonRow> same = r.nik() == null ? List.of() : byNik.getOrDefault(r.nik(), List.of());
                if (same.size() > 1) {
                    String others = String.join(", ", same.stream().filter(o -> o != r).map(o -> String.valueOf(o.row())).toList());
                    error(r, Field.NIK.name(), Finding.error("", "import.nik.twiceInFile", others));
                    continue;
                }
                if (r.noKk() == null || r.noKk().isEmpty()) {
                    error(r, Field.NO_KK.name(), Finding.error("", "import.cell.required"));
                    continue;
                }
                groups.computeIfAbsent(r.noKk(), k -> new ArrayList<>()).add(r);
            }
            for (Map.Entry<String, List<PersonRow>> g : groups.entrySet()) {
                household(g.getKey(), g.getValue());
            }
            return checkMovedOut();
        }

        private void household(String noKk, List<PersonRow> group) {
            if (otherVillage(noKk, group)) {
                if (!confirmed.contains(Confirm.OTHER_VILLAGE)) {
                    pending.merge(Confirm.OTHER_VILLAGE, 1, Integer::sum);
                    PersonRow first = group.get(0);
                    add(first, Field.NO_KK.name(), Finding.warning("", "import.confirm.otherVillage", noKk, group.size()));
                    return;
                }
            }
            Set<PersonRow> skip = new HashSet<>();
            for (int attempt = 0; attempt < 4; attempt++) {
                Built b = build(noKk, group, skip);
                if (b.rowOfIndex.isEmpty() && !register.containsKey(noKk) && !working.containsKey(noKk)) {
                    // every row waits for a confirmation or is not living: nothing to make of this KK yet
                    flush(b);
                    return;
                }
                Findings findings = rules.check(b.household, today);
                Set<PersonRow> memberErrors = new LinkedHashSet<>();
                List<Finding> householdErrors = new ArrayList<>();
                for (Finding f : findings.errors()) {
                    PersonRow r = rowOf(f.field(), b);
                    if (r != null) {
                        memberErrors.add(r);
                    } else {
                        householdErrors.add(f);
                    }
                }
                if (!memberErrors.isEmpty() && attempt < 3) {
                    for (Finding f : findings.errors()) {
                        PersonRow r = rowOf(f.field(), b);
                        if (r != null && !skip.contains(r)) {
                            error(r, column(f.field(), r), f);
                        }
                    }
                    skip.addAll(memberErrors);
                    continue;
                }
                List<PersonRow> kept = group.stream().filter(r -> !skip.contains(r) && !b.left.contains(r)).toList();
                if (!householdErrors.isEmpty() || !memberErrors.isEmpty()) {
                    PersonRow at = b.headRow != null ? b.headRow : group.get(0);
                    for (Finding f : householdErrors) {
                        add(at, column(f.field(), at), f);
                    }
                    for (PersonRow r : kept) {
                        errorRows.add(r);
                        if (r != at || householdErrors.isEmpty()) {
                            add(r, "", Finding.error("", "import.household.refused", noKk));
                        }
                    }
                    return;
                }
                for (Finding f : findings.warnings()) {
                    PersonRow r = rowOf(f.field(), b);
                    if (r != null) {
                        add(r, column(f.field(), r), f);
                    }
                }
                accept(noKk, b);
                return;
            }
        }

        private void flush(Built b) {
            for (Object[] n : b.notes) {
                add((PersonRow) n[0], (String) n[1], (Finding) n[2]);
            }
            b.waiting.forEach((k, v) -> pending.merge(k, v, Integer::sum));
        }

        private void accept(String noKk, Built b) {
            flush(b);
            Household stored = working.containsKey(noKk) ? working.get(noKk) : register.get(noKk);
            Household result = HouseholdService.normalise(b.household);
            boolean householdChanged = stored == null || !sameHousehold(stored, result);
            if (stored != null && householdChanged) {
                compareHousehold(b, stored, result);
            }
            int changedMembers = 0;
            Map<UUID, Member> before = new HashMap<>();
            if (stored != null) {
                stored.members().forEach(m -> before.put(m.id(), m));
            }
            for (int i = 0; i < result.members().size(); i++) {
                Member m = result.members().get(i);
                PersonRow r = b.rowOfIndex.get(i);
                if (r == null) {
                    continue;
                }
                Member old = before.get(m.id());
                if (old == null) {
                    mNew++;
                    changedMembers++;
                } else if (!old.equals(m)) {
                    mChanged++;
                    changedMembers++;
                    compareMember(r, old, m);
                } else {
                    mSame++;
                }
            }
            for (Map.Entry<String, UUID> move : b.moves.entrySet()) {
                moveOut(move.getKey(), move.getValue(), b.movedRows.get(move.getValue()));
            }
            if (stored == null) {
                hhNew++;
            } else if (householdChanged || changedMembers > 0) {
                hhChanged++;
            } else {
                hhSame++;
                return;
            }
            working.put(noKk, result);
            written.add(noKk);
        }

        /** The member leaves their old KK as moved (today), so their NIK is free for the new one. */
        private void moveOut(String oldKk, UUID memberId, PersonRow row) {
            Household h = working.containsKey(oldKk) ? working.get(oldKk) : register.get(oldKk);
            List<Member> ms = new ArrayList<>();
            for (Member m : h.members()) {
                ms.add(m.id().equals(memberId) ? m.withStatus(MemberStatus.PINDAH, today) : m);
            }
            working.put(oldKk, h.withMembers(ms));
            written.add(oldKk);
            movedOutOf.computeIfAbsent(oldKk, k -> new ArrayList<>()).add(row);
            fields.add("status");
        }

        /** A KK that members left must still pass the rules (a head stays); else those moves are refused. */
        private Map<PersonRow, Finding> checkMovedOut() {
            Map<PersonRow, Finding> more = new LinkedHashMap<>();
            for (Map.Entry<String, List<PersonRow>> e : movedOutOf.entrySet()) {
                Findings f = rules.check(working.get(e.getKey()), today);
                if (f.hasErrors()) {
                    for (PersonRow r : e.getValue()) {
                        more.put(r, Finding.error("", "import.move.leavesBroken", e.getKey()));
                    }
                }
            }
            return more;
        }

        private boolean otherVillage(String noKk, List<PersonRow> group) {
            if (village == null) {
                return false;
            }
            if (noKk.length() >= 6 && noKk.substring(0, 6).matches("\\d{6}")
                    && !noKk.startsWith(village.kecamatanDigits())) {
                return true;
            }
            String desa = group.stream().map(PersonRow::desa).filter(Objects::nonNull).findFirst().orElse(null);
            return desa != null && !villageName(desa).equals(villageName(village.name()));
        }

        private static String villageName(String name) {
            String f = Cells.fold(name);
            for (String prefix : List.of("desa", "kelurahan", "kel.", "ds.")) {
                if (f.startsWith(prefix) && f.length() > prefix.length()) {
                    return f.substring(prefix.length());
                }
            }
            return f;
        }

        /** A household built from the register's (or a new one) and the file's rows. */
        private static final class Built {
            Household household;
            PersonRow headRow;
            final Map<Integer, PersonRow> rowOfIndex = new HashMap<>();
            /** Rows not taken into the household (waiting for a confirmation, not living). */
            final Set<PersonRow> left = new HashSet<>();
            /** Old No. KK → member id moved from there. */
            final Map<String, UUID> moves = new LinkedHashMap<>();
            final Map<UUID, PersonRow> movedRows = new HashMap<>();
            /** What this build found to list, once the household is accepted (a refused one is listed otherwise). */
            final List<Object[]> notes = new ArrayList<>();
            final Map<Confirm, Integer> waiting = new EnumMap<>(Confirm.class);

            void note(PersonRow r, String field, Finding f) {
                notes.add(new Object[] {r, field, f});
            }
        }

        private Built build(String noKk, List<PersonRow> group, Set<PersonRow> skip) {
            Built b = new Built();
            Household stored = working.containsKey(noKk) ? working.get(noKk) : register.get(noKk);
            List<Member> members = stored == null ? new ArrayList<>() : new ArrayList<>(stored.members());
            List<PersonRow> rowsIn = group.stream().filter(r -> !skip.contains(r)).toList();
            PersonRow head = rowsIn.stream().filter(r -> r.shdk() != null && r.shdk() == CodeList.KEPALA_KELUARGA)
                    .findFirst().orElse(rowsIn.isEmpty() ? group.get(0) : rowsIn.get(0));
            b.headRow = head;
            for (PersonRow r : rowsIn) {
                int index = find(members, r, noKk);
                Member old = index >= 0 ? members.get(index) : null;
                if (index == MOVE) {
                    if (!confirmed.contains(Confirm.MOVES)) {
                        pendingOnce(b, r, Confirm.MOVES, Finding.warning("", "import.confirm.move", activeNik.get(r.nik()), noKk));
                        continue;
                    }
                    String from = activeNik.get(r.nik());
                    Household h = working.containsKey(from) ? working.get(from) : register.get(from);
                    Member moved = h.members().stream().filter(m -> r.nik().equals(m.nik()) && m.isActive()).findFirst().orElseThrow();
                    Member fresh = merge(r, moved.withStatus(MemberStatus.AKTIF, null), true);
                    Member placed = new Member(newId(),
                            fresh.nik(), fresh.tanpaNik(), fresh.nama(), fresh.sex(), fresh.tempatLahir(), fresh.tanggalLahir(),
                            fresh.agama(), fresh.pendidikan(), fresh.pekerjaan(), fresh.statusPerkawinan(), fresh.shdk(),
                            fresh.kewarganegaraan(), fresh.namaAyah(), fresh.namaIbu(), MemberStatus.AKTIF, null);
                    b.moves.put(from, moved.id());
                    b.movedRows.put(moved.id(), r);
                    members.add(placed);
                    b.rowOfIndex.put(members.size() - 1, r);
                    continue;
                }
                MemberStatus status = status(r);
                if (status == null) {
                    b.left.add(r);
                    b.note(r, Field.STATUS_DASAR.name(), Finding.warning("", "import.row.invalidStatus"));
                    continue;
                }
                if (old == null) {
                    if (status != MemberStatus.AKTIF) {
                        b.left.add(r);
                        b.note(r, Field.STATUS_DASAR.name(), Finding.warning("", "import.row.notLiving"));
                        continue;
                    }
                    Member born = merge(r, null, false);
                    Member filled = childDefaults(born);
                    if (filled != born) {
                        b.note(r, Field.PEKERJAAN.name(), Finding.warning("", "import.row.childDefaults"));
                    }
                    members.add(filled);
                    b.rowOfIndex.put(members.size() - 1, r);
                    continue;
                }
                Member merged = merge(r, old, false);
                if (r.has(Field.STATUS_DASAR) && status != old.status()) {
                    if (confirmed.contains(Confirm.STATUS)) {
                        merged = merged.withStatus(status, status == MemberStatus.AKTIF ? null : today);
                    } else {
                        pendingOnce(b, r, Confirm.STATUS, Finding.warning("", "import.confirm.status." + status.name()));
                    }
                }
                members.set(index, merged);
                b.rowOfIndex.put(index, r);
            }
            String alamat = pick(head, Field.ALAMAT, head.alamat(), stored == null ? null : stored.alamat());
            String dusun = pick(head, Field.DUSUN, head.dusun(), stored == null ? null : stored.dusun());
            String rt = pick(head, Field.RT, head.rt(), stored == null ? null : stored.rt());
            String rw = pick(head, Field.RW, head.rw(), stored == null ? null : stored.rw());
            if ((alamat == null || alamat.isBlank()) && rt != null) {
                // OpenSID leaves alamat empty when the dusun, RT and RW say it all (a village without RW: dusun and RT)
                String noRw = HouseholdRules.normaliseRw(rw);
                alamat = (dusun == null ? "" : "DUSUN " + dusun + " ") + "RT " + HouseholdRules.normaliseRtRw(rt)
                        + (noRw.equals(HouseholdRules.NO_RW) ? "" : " RW " + noRw);
            }
            b.household = new Household(stored == null ? newId()
                    : stored.id(), noKk, alamat, rt, rw, dusun, stored == null ? null : stored.kodePos(),
                    stored != null && stored.sample(), members);
            return b;
        }

        private void pendingOnce(Built b, PersonRow r, Confirm kind, Finding f) {
            if (kind != Confirm.STATUS) {
                b.left.add(r);
            }
            b.waiting.merge(kind, 1, Integer::sum);
            b.note(r, kind == Confirm.STATUS ? Field.STATUS_DASAR.name() : Field.NIK.name(), f);
        }

        private static final int MOVE = -2;

        /** The index of the register's member this row is, -1 for a new person, {@link #MOVE} for an active NIK of another KK. */
        private int find(List<Member> members, PersonRow r, String noKk) {
            if (r.nik() != null && !r.nik().isEmpty()) {
                String holder = activeNik.get(r.nik());
                if (holder != null && !holder.equals(noKk) && !movedAway(holder, r.nik())) {
                    return MOVE;
                }
                for (int i = 0; i < members.size(); i++) {
                    if (r.nik().equals(members.get(i).nik())) {
                        return i;
                    }
                }
            }
            // without a NIK (or one newly given): the same name and birth date in this KK, recorded without NIK
            if (r.nama() != null && r.tanggalLahir() != null) {
                String name = HouseholdRules.fold(r.nama());
                for (int i = 0; i < members.size(); i++) {
                    Member m = members.get(i);
                    if (m.tanpaNik() && name.equals(HouseholdRules.fold(m.nama())) && r.tanggalLahir().equals(m.tanggalLahir())) {
                        return i;
                    }
                }
            }
            return -1;
        }

        /** Whether the holder's KK already let this NIK go in this plan. */
        private boolean movedAway(String holderKk, String nik) {
            Household h = working.get(holderKk);
            return h != null && h.members().stream().noneMatch(m -> m.isActive() && nik.equals(m.nik()));
        }

        private static MemberStatus status(PersonRow r) {
            if (!r.has(Field.STATUS_DASAR) || r.statusDasar() == null) {
                return MemberStatus.AKTIF;
            }
            return switch (r.statusDasar()) {
                case Cells.HIDUP -> MemberStatus.AKTIF;
                case Cells.MATI -> MemberStatus.MENINGGAL;
                case Cells.TIDAK_VALID -> null;
                default -> MemberStatus.PINDAH;
            };
        }

        /** The row's values over the register's: a field the file has no column for keeps the register's value. */
        private Member merge(PersonRow r, Member old, boolean keepId) {
            boolean tanpa = r.has(Field.NIK) ? r.tanpaNik() : old != null && old.tanpaNik();
            String nik = r.has(Field.NIK) ? (r.tanpaNik() ? null : r.nik()) : old == null ? null : old.nik();
            if (old != null && r.has(Field.NIK) && r.tanpaNik() && old.nik() != null) {
                // "0" in the file does not take away a NIK the register has
                nik = old.nik();
                tanpa = false;
            }
            Integer sex = r.has(Field.SEX) && r.sex() != null ? r.sex() : old == null ? null : old.sex().code();
            Integer wn = r.has(Field.KEWARGANEGARAAN) ? r.kewarganegaraan() : old == null ? Integer.valueOf(CodeList.WNI)
                    : old.kewarganegaraan();
            return new Member(old == null ? newId() : old.id(),
                    nik, tanpa, pick(r, Field.NAMA, r.nama(), old == null ? null : old.nama()),
                    sex == null ? null : Sex.ofCode(sex),
                    pick(r, Field.TEMPAT_LAHIR, r.tempatLahir(), old == null ? null : old.tempatLahir()),
                    pick(r, Field.TANGGAL_LAHIR, r.tanggalLahir(), old == null ? null : old.tanggalLahir()),
                    pick(r, Field.AGAMA, r.agama(), old == null ? null : old.agama()),
                    pick(r, Field.PENDIDIKAN, r.pendidikan(), old == null ? null : old.pendidikan()),
                    pick(r, Field.PEKERJAAN, r.pekerjaan(), old == null ? null : old.pekerjaan()),
                    pick(r, Field.STATUS_PERKAWINAN, r.statusPerkawinan(), old == null ? null : old.statusPerkawinan()),
                    pick(r, Field.SHDK, r.shdk(), old == null ? null : old.shdk()), wn,
                    pick(r, Field.NAMA_AYAH, r.namaAyah(), old == null ? null : old.namaAyah()),
                    pick(r, Field.NAMA_IBU, r.namaIbu(), old == null ? null : old.namaIbu()),
                    old == null ? MemberStatus.AKTIF : old.status(), old == null ? null : old.statusDate());
        }

        /**
         * A child under 10 new in the register whose file leaves education, occupation or marital status
         * empty (OpenSID asks only for the name, KK, relation, dusun, RT and RW; a newborn's row has NIK 0
         * and nothing more): the KK form's values for a young child — Tidak/Belum Sekolah (Belum Tamat
         * SD from 7), Belum/Tidak Bekerja, Belum Kawin — with a warning to check them. Anyone else keeps
         * the rule that these are filled in.
         */
        private Member childDefaults(Member m) {
            if (m.tanggalLahir() == null || m.tanggalLahir().isAfter(today)
                    || java.time.Period.between(m.tanggalLahir(), today).getYears() >= 10
                    || m.pendidikan() != null && m.pekerjaan() != null && m.statusPerkawinan() != null) {
                return m;
            }
            int age = java.time.Period.between(m.tanggalLahir(), today).getYears();
            Integer pendidikan = m.pendidikan() != null ? m.pendidikan() : Integer.valueOf(age >= 7 ? 2 : 1);
            Integer pekerjaan = m.pekerjaan() != null ? m.pekerjaan() : Integer.valueOf(1);
            Integer kawin = m.statusPerkawinan() != null ? m.statusPerkawinan() : Integer.valueOf(1);
            return new Member(m.id(), m.nik(), m.tanpaNik(), m.nama(), m.sex(), m.tempatLahir(), m.tanggalLahir(),
                    m.agama(), pendidikan, pekerjaan, kawin, m.shdk(), m.kewarganegaraan(), m.namaAyah(), m.namaIbu(),
                    m.status(), m.statusDate());
        }

        /** The file's value when it has the column and the cell is filled, else the register's. */
        private static <T> T pick(PersonRow r, Field f, T fromFile, T stored) {
            if (!r.has(f)) {
                return stored;
            }
            return fromFile != null ? fromFile : stored;
        }

        private static boolean sameHousehold(Household a, Household b) {
            return Objects.equals(a.alamat(), b.alamat()) && Objects.equals(a.rt(), b.rt()) && Objects.equals(a.rw(), b.rw())
                    && Objects.equals(a.dusun(), b.dusun()) && a.members().size() == b.members().size();
        }

        private void compareHousehold(Built b, Household old, Household now) {
            PersonRow at = b.headRow;
            String who = "KK " + now.noKk();
            diff(at, who, Field.ALAMAT, old.alamat(), now.alamat());
            diff(at, who, Field.DUSUN, old.dusun(), now.dusun());
            diff(at, who, Field.RT, old.rt(), now.rt());
            diff(at, who, Field.RW, old.rw(), now.rw());
        }

        private void compareMember(PersonRow r, Member old, Member now) {
            String who = now.nama();
            diff(r, who, Field.NIK, old.nik(), now.nik());
            diff(r, who, Field.NAMA, old.nama(), now.nama());
            diff(r, who, Field.SEX, old.sex(), now.sex());
            diff(r, who, Field.TEMPAT_LAHIR, old.tempatLahir(), now.tempatLahir());
            diff(r, who, Field.TANGGAL_LAHIR, old.tanggalLahir(), now.tanggalLahir());
            diff(r, who, Field.AGAMA, CodeList.AGAMA.label(old.agama()), CodeList.AGAMA.label(now.agama()));
            diff(r, who, Field.PENDIDIKAN, CodeList.PENDIDIKAN.label(old.pendidikan()), CodeList.PENDIDIKAN.label(now.pendidikan()));
            diff(r, who, Field.PEKERJAAN, CodeList.PEKERJAAN.label(old.pekerjaan()), CodeList.PEKERJAAN.label(now.pekerjaan()));
            diff(r, who, Field.STATUS_PERKAWINAN, CodeList.STATUS_PERKAWINAN.label(old.statusPerkawinan()),
                    CodeList.STATUS_PERKAWINAN.label(now.statusPerkawinan()));
            diff(r, who, Field.SHDK, CodeList.SHDK.label(old.shdk()), CodeList.SHDK.label(now.shdk()));
            diff(r, who, Field.KEWARGANEGARAAN, CodeList.KEWARGANEGARAAN.label(old.kewarganegaraan()),
                    CodeList.KEWARGANEGARAAN.label(now.kewarganegaraan()));
            diff(r, who, Field.NAMA_AYAH, old.namaAyah(), now.namaAyah());
            diff(r, who, Field.NAMA_IBU, old.namaIbu(), now.namaIbu());
            diff(r, who, Field.STATUS_DASAR, old.status(), now.status());
        }

        private void diff(PersonRow r, String who, Field f, Object before, Object after) {
            if (!Objects.equals(before, after)) {
                changes.add(new Change(r.where(), who, columnName(f), text(before), text(after)));
                fields.add(f.name().toLowerCase(Locale.ROOT));
            }
        }

        private static String text(Object o) {
            if (o == null) {
                return "–";
            }
            return o instanceof LocalDate d ? id.berkasdesa.common.DateText.format(d) : o.toString();
        }

        /** The row a rules finding is about ({@code member.3.nik} → the row of member 3), null for the KK. */
        private static PersonRow rowOf(String field, Built b) {
            if (!field.startsWith("member.")) {
                return null;
            }
            String[] parts = field.split("\\.");
            if (parts.length < 3) {
                return null;
            }
            return b.rowOfIndex.get(Integer.parseInt(parts[1]));
        }

        /** The file's name for the column a rules field is about. */
        private String column(String field, PersonRow r) {
            String f = field.startsWith("member.") && field.split("\\.").length >= 3 ? field.split("\\.")[2] : field;
            Field mapped = switch (f) {
                case "nik" -> Field.NIK;
                case "nama" -> Field.NAMA;
                case "sex" -> Field.SEX;
                case "tempatLahir" -> Field.TEMPAT_LAHIR;
                case "tanggalLahir" -> Field.TANGGAL_LAHIR;
                case "agama" -> Field.AGAMA;
                case "pendidikan" -> Field.PENDIDIKAN;
                case "pekerjaan" -> Field.PEKERJAAN;
                case "statusPerkawinan" -> Field.STATUS_PERKAWINAN;
                case "shdk", "members" -> Field.SHDK;
                case "kewarganegaraan" -> Field.KEWARGANEGARAAN;
                case "namaAyah" -> Field.NAMA_AYAH;
                case "namaIbu" -> Field.NAMA_IBU;
                case "status" -> Field.STATUS_DASAR;
                case "noKk" -> Field.NO_KK;
                case "alamat" -> Field.ALAMAT;
                case "rt" -> Field.RT;
                case "rw" -> Field.RW;
                default -> null;
            };
            return mapped == null ? "" : mapped.name();
        }

        private String columnName(Field f) {
            String name = columns.get(f);
            if (name != null) {
                return name;
            }
            return PopulationFile.OPENSID_FIELDS.entrySet().stream().filter(e -> e.getValue() == f).map(Map.Entry::getKey)
                    .findFirst().orElse(f.name().toLowerCase(Locale.ROOT));
        }

        private void error(PersonRow r, String field, Finding f) {
            errorRows.add(r);
            add(r, field, f);
        }

        /** Lists a finding at the row; {@code field} is a {@link Field} name (or ""), shown as the file's column. */
        private void add(PersonRow r, String field, Finding f) {
            String column = "";
            if (!field.isEmpty()) {
                try {
                    column = columnName(Field.valueOf(field));
                } catch (IllegalArgumentException e) {
                    column = field;
                }
            }
            Finding shown = f;
            if (Set.of("field.required", "field.choose", "member.tanggalLahir.missing", "member.nik.missing").contains(f.key())) {
                shown = new Finding(f.severity(), f.field(), "import.cell.required", List.of());
            }
            problems.add(new Problem(r.sheet(), r.row(), column, shown));
        }
    }
}
