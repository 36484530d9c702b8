package id.berkasdesa.household;

import id.berkasdesa.adminduk.NoKk;
import id.berkasdesa.adminduk.AreaNumber;
import id.berkasdesa.common.Changes;
import id.berkasdesa.common.ChangeListeners;
import id.berkasdesa.common.Finding;
import id.berkasdesa.common.Findings;
import id.berkasdesa.db.Database;
import id.berkasdesa.wilayah.Wilayah;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/** The household register: checks, saves (one durable transaction each), loads and searches. */
public final class HouseholdService {

    private final Database db;
    private final HouseholdRules rules;
    private final Clock clock;
    private final NameIndex names = new NameIndex();
    private final ChangeListeners changed = new ChangeListeners();

    public HouseholdService(Database db, Wilayah wilayah, Clock clock) {
        this.db = db;
        this.rules = new HouseholdRules(wilayah);
        this.clock = clock;
    }

    /** Told the household after each committed save from the form. */
    public void onHouseholdChanged(Consumer<UUID> listener) {
        changed.listen(listener);
    }

    public HouseholdRules rules() {
        return rules;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public Optional<Household> load(UUID id) {
        return db.read(h -> load(h.attach(HouseholdDao.class), id));
    }

    private static Optional<Household> load(HouseholdDao dao, UUID id) {
        return dao.findRow(id).map(r -> new Household(r.id(), r.noKk(), r.alamat(), r.rt(), r.rw(), r.dusun(),
                r.kodePos(), r.sample(), dao.members(id)));
    }

    /**
     * The ids a person's data lives under in the audit trail: their member ids (a NIK may have been
     * registered more than once over time) and their households' ids.
     */
    public java.util.Set<UUID> idsOfPerson(String nik) {
        return db.read(h -> {
            java.util.Set<UUID> ids = new java.util.HashSet<>();
            h.createQuery("SELECT id, household_id FROM member WHERE nik = :nik").bind("nik", nik).map((rs, ctx) -> {
                ids.add(rs.getObject(1, UUID.class));
                ids.add(rs.getObject(2, UUID.class));
                return null;
            }).list();
            return ids;
        });
    }

    /** A person living here: their household and their member row. */
    public record Person(UUID householdId, UUID memberId) {
    }

    /** The person living here (an active member) with {@code nik}: the command line names people so. */
    public Optional<Person> personByNik(String nik) {
        return db.read(h -> h.createQuery("SELECT household_id, id FROM member WHERE nik = :nik AND status = 'AKTIF'")
                .bind("nik", nik == null ? "" : nik.strip())
                .map((rs, ctx) -> new Person(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).findFirst());
    }

    /** The KK numbers this household had before its current one, oldest first. */
    public List<String> previousKkNumbers(UUID id) {
        return db.read(h -> h.attach(HouseholdDao.class).previousKkNumbers(id));
    }

    /**
     * The households matching a search, in RT/RW/No. KK order. A number finds No. KK and NIK prefixes
     * by index; a name fragment goes through the in-memory {@link NameIndex}. When more match than
     * the limit, the first ones found are shown, in order (the list says to type more).
     */
    public List<HouseholdSummary> search(HouseholdSearch s) {
        String rt = HouseholdSearch.nullIfBlank(s.rt());
        String rw = HouseholdSearch.nullIfBlank(s.rw());
        String dusun = HouseholdSearch.nullIfBlank(s.dusun());
        if (!s.hasText()) {
            return db.read(h -> h.attach(HouseholdDao.class).listAll(rt, rw, dusun, s.limit()));
        }
        List<UUID> ids = s.isNumber()
                ? db.read(h -> h.attach(HouseholdDao.class).numberMatches(s.numberPrefix(), s.limit()))
                : names.find(s.folded(), s.limit(), this::loadNames);
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.read(h -> h.attach(HouseholdDao.class).summaries(ids, rt, rw, dusun, s.limit()));
    }

    private Map<UUID, List<String>> loadNames() {
        Map<UUID, List<String>> byHousehold = new LinkedHashMap<>();
        for (HouseholdDao.Name n : db.read(h -> h.attach(HouseholdDao.class).allNames())) {
            byHousehold.computeIfAbsent(n.householdId(), k -> new ArrayList<>()).add(n.namaCari());
        }
        return byHousehold;
    }

    public int count() {
        return db.read(h -> h.attach(HouseholdDao.class).countHouseholds());
    }

    /** The RT, RW and dusun values in use, for the list's filters. */
    public Filters filters() {
        return db.read(h -> {
            HouseholdDao dao = h.attach(HouseholdDao.class);
            return new Filters(dao.distinct("rt"), dao.distinct("rw"), dao.distinct("dusun"));
        });
    }

    public record Filters(List<String> rt, List<String> rw, List<String> dusun) {
    }

    /**
     * Saves a household and its members in one transaction, forced to disk before returning.
     * Errors refuse the save; warnings refuse it until {@code warningsConfirmed}. The store is left
     * as it was whenever the result is not {@link SaveResult#saved()}.
     */
    public SaveResult save(Household draft, boolean warningsConfirmed) {
        Household h = normalise(draft);
        SaveResult result = db.write("household.save", handle -> {
            HouseholdDao dao = handle.attach(HouseholdDao.class);
            Findings findings = checkAll(dao, h);
            if (findings.hasErrors() || (findings.hasWarnings() && !warningsConfirmed)) {
                db.nothingDone();
                return new SaveResult(h, findings, false);
            }
            Household before = load(dao, h.id()).orElse(null);
            write(dao, h);
            db.about("household", h.id(), Changes.names(before, h));
            return new SaveResult(h, findings, true);
        });
        if (result.saved()) {
            names.replace(h);
            changed.fire(h.id());
        }
        return result;
    }

    /**
     * Saves many new households (sample data, and later imports) in one durable transaction. Every
     * household must pass the form rules; the store's constraints still hold (a NIK or KK number in
     * use fails the whole batch, leaving the store as it was).
     *
     * @throws IllegalArgumentException naming the first household the rules refuse; nothing is saved
     */
    public void saveBatch(List<Household> households) {
        List<Household> clean = households.stream().map(HouseholdService::normalise).toList();
        for (Household h : clean) {
            if (rules.check(h, today()).hasErrors()) {
                throw new IllegalArgumentException("household " + h.id() + " does not pass the rules");
            }
        }
        db.write("household.sample", handle -> {
            HouseholdDao dao = handle.attach(HouseholdDao.class);
            for (Household h : clean) {
                write(dao, h);
            }
            return null;
        });
        clean.forEach(names::replace);
    }

    /**
     * The whole register in memory, by No. KK, members in KK order: what an import compares its file
     * with. Two queries, whatever the size (80,000 members take about 40 MB).
     */
    public Map<String, Household> register() {
        return db.read(h -> {
            HouseholdDao dao = h.attach(HouseholdDao.class);
            Map<UUID, List<Member>> members = new java.util.HashMap<>();
            for (HouseholdDao.Placed p : dao.allMembers()) {
                members.computeIfAbsent(p.householdId(), k -> new ArrayList<>()).add(p.member());
            }
            Map<String, Household> byKk = new java.util.HashMap<>();
            for (HouseholdDao.Row r : dao.allRows()) {
                byKk.put(r.noKk(), new Household(r.id(), r.noKk(), r.alamat(), r.rt(), r.rw(), r.dusun(), r.kodePos(),
                        r.sample(), members.getOrDefault(r.id(), List.of())));
            }
            return byKk;
        });
    }

    /**
     * Writes the households an import made (new ones and changed ones, every one already through
     * the rules and {@link #normalise normalised}) in one durable unit of work {@code household.import}: all or nothing. Members who
     * leave a household (moved to another KK, died) are written first, so the NIK they free can be
     * taken by their new KK in the same transaction.
     *
     * @param fields the names of the fields the import changed, for the audit entry
     */
    public void saveImport(UUID importId, List<Household> households, java.util.Collection<String> fields) {
        // the plan compared normalised values, so it hands them over normalised: normalising again
        // would only make a second copy of 80,000 members in a 256 MB heap
        db.write("household.import", handle -> {
            HouseholdDao dao = handle.attach(HouseholdDao.class);
            OffsetDateTime now = OffsetDateTime.now(clock);
            Set<UUID> existing = new HashSet<>(dao.allIds());
            for (Household h : households) {
                if (!existing.contains(h.id())) {
                    continue;
                }
                List<Member> members = h.members();
                for (int i = 0; i < members.size(); i++) {
                    Member m = members.get(i);
                    if (!m.isActive()) {
                        dao.upsertMember(m, h.id(), i + 1, m.sex().code(), m.status().name(), now);
                    }
                }
            }
            List<Household> fresh = new ArrayList<>();
            for (Household h : households) {
                if (existing.contains(h.id())) {
                    write(dao, h);
                } else {
                    fresh.add(h);
                }
            }
            // new KKs (most of a first import) in batches, in the order of their keys: a random key
            // order would touch a different page of the index with every row
            fresh.sort(java.util.Comparator.comparing(Household::id));
            for (int from = 0; from < fresh.size(); from += 1_000) {
                dao.insertHouseholds(fresh.subList(from, Math.min(fresh.size(), from + 1_000)), now);
            }
            record Placed(Member m, UUID household, int urut) {
            }
            List<Placed> placed = new ArrayList<>();
            for (Household h : fresh) {
                for (int i = 0; i < h.members().size(); i++) {
                    placed.add(new Placed(h.members().get(i), h.id(), i + 1));
                }
            }
            placed.sort(java.util.Comparator.comparing(p -> p.m().id()));
            for (int from = 0; from < placed.size(); from += 2_000) {
                List<Placed> part = placed.subList(from, Math.min(placed.size(), from + 2_000));
                dao.insertMembers(part.stream().map(Placed::m).toList(), part.stream().map(Placed::household).toList(),
                        part.stream().map(Placed::urut).toList(), part.stream().map(p -> p.m().sex().code()).toList(),
                        part.stream().map(p -> p.m().status().name()).toList(), now);
            }
            db.about("impor", importId, fields);
            return null;
        });
        names.clear();
    }

    /**
     * Deletes every sample household ("Coba dengan data contoh") in one durable transaction; real
     * households are never touched. Returns how many were deleted.
     */
    public int deleteSample() {
        int deleted = db.write("household.deleteSample", handle -> {
            HouseholdDao dao = handle.attach(HouseholdDao.class);
            dao.deleteSampleMembers();
            dao.deleteSampleKkChanges();
            return dao.deleteSampleHouseholds();
        });
        names.clear();
        return deleted;
    }

    private void write(HouseholdDao dao, Household h) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<HouseholdDao.Row> existing = dao.findRow(h.id());
        if (existing.isEmpty()) {
            dao.insertHousehold(h, now);
        } else {
            dao.updateHousehold(h, now);
            if (!existing.get().noKk().equals(h.noKk())) {
                dao.recordKkChange(h.id(), existing.get().noKk(), h.noKk(), now);
            }
        }
        List<Member> members = h.members();
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            dao.upsertMember(m, h.id(), i + 1, m.sex().code(), m.status().name(), now);
        }
    }

    private Findings checkAll(HouseholdDao dao, Household h) {
        Findings own = rules.check(h, today());
        List<Finding> out = new ArrayList<>();
        dao.householdIdOfKk(h.noKk()).filter(id -> !id.equals(h.id()))
                .ifPresent(id -> out.add(Finding.error(NoKk.FIELD, "household.noKk.taken", h.noKk())));
        Set<UUID> draftIds = new HashSet<>();
        List<Member> members = h.members();
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            draftIds.add(m.id());
            if (m.nik() != null && m.isActive()) {
                int index = i;
                dao.activeHolderOfNik(m.nik(), m.id()).filter(holder -> !holder.householdId().equals(h.id()))
                        .ifPresent(holder -> out.add(Finding.error(HouseholdRules.memberField(index, "nik"),
                                "member.nik.taken", holder.noKk(), holder.nama())));
            }
            lookalike(dao, h, i, m).ifPresent(out::add);
        }
        for (Member stored : dao.members(h.id())) {
            if (!draftIds.contains(stored.id())) {
                out.add(Finding.error("members", "household.member.removed", stored.nama()));
            }
        }
        return own.plus(Findings.of(out));
    }

    /** A member without NIK who matches someone active in another KK by name, birth date and mother. */
    private static Optional<Finding> lookalike(HouseholdDao dao, Household h, int index, Member m) {
        String key = HouseholdRules.identityKey(m);
        if (key == null || !m.isActive()) {
            return Optional.empty();
        }
        return dao.lookalikes(HouseholdRules.fold(m.nama()), m.tanggalLahir(), h.id()).stream()
                .filter(l -> l.namaIbu() != null && HouseholdRules.fold(l.namaIbu()).equals(HouseholdRules.fold(m.namaIbu())))
                .filter(l -> m.tanpaNik() || l.tanpaNik())
                .findFirst()
                .map(l -> Finding.warning(HouseholdRules.memberField(index, "nama"), "member.duplicate.inStore", l.noKk()));
    }

    /** Cleans what people paste and type: number separators, RT/RW padding, spaces, name case. */
    public static Household normalise(Household d) {
        List<Member> members = d.members().stream().map(HouseholdService::normalise).toList();
        return new Household(Objects.requireNonNull(d.id()), clean(d.noKk()), strip(d.alamat()),
                HouseholdRules.normaliseRtRw(d.rt()), HouseholdRules.normaliseRw(d.rw()), blankToNull(d.dusun()),
                blankToNull(d.kodePos()), d.sample(), members);
    }

    private static Member normalise(Member m) {
        String nik = m.tanpaNik() ? null : clean(m.nik());
        return new Member(Objects.requireNonNull(m.id()), nik, m.tanpaNik(), upper(m.nama()), m.sex(),
                upper(m.tempatLahir()), m.tanggalLahir(), m.agama(), m.pendidikan(), m.pekerjaan(),
                m.statusPerkawinan(), m.shdk(), m.kewarganegaraan(), blankToNull(upper(m.namaAyah())),
                blankToNull(upper(m.namaIbu())), m.status() == null ? MemberStatus.AKTIF : m.status(),
                m.status() == MemberStatus.AKTIF || m.status() == null ? null : m.statusDate());
    }

    private static String clean(String number) {
        return number == null ? "" : AreaNumber.clean(number);
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ");
    }

    private static String upper(String s) {
        return s == null ? null : HouseholdRules.fold(s);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : strip(s);
    }
}
