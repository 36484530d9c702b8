package id.berkasdesa.request;

import id.berkasdesa.common.Changes;
import id.berkasdesa.common.Findings;
import id.berkasdesa.db.Database;
import id.berkasdesa.db.Tx;
import id.berkasdesa.document.Checklist;
import id.berkasdesa.document.Diagnosis;
import id.berkasdesa.document.Document;
import id.berkasdesa.document.DocumentKind;
import id.berkasdesa.document.DocumentService;
import id.berkasdesa.document.DocumentSettings;
import id.berkasdesa.household.Household;
import id.berkasdesa.household.HouseholdSearch;
import id.berkasdesa.household.HouseholdService;
import id.berkasdesa.household.Member;
import id.berkasdesa.settings.SettingsStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reactivation requests: made from a member, checked by {@link RequestRules}, moved through their
 * statuses with a dated history, listed and counted for the dashboard. Every change is one durable
 * transaction; what the rules derive (status while preparing, urgency, deadline) is stored with it.
 */
public final class RequestService {

    private final Database db;
    private final HouseholdService households;
    private final DocumentService documents;
    private final SettingsStore settings;
    private final Clock clock;

    public RequestService(Database db, HouseholdService households, DocumentService documents, SettingsStore settings,
            Clock clock) {
        this.db = db;
        this.households = households;
        this.documents = documents;
        this.settings = settings;
        this.clock = clock;
        households.onHouseholdChanged(this::reevaluateHousehold);
        documents.onHouseholdChanged(this::reevaluateHousehold);
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public RequestPolicy policy() {
        return RequestPolicy.from(settings.read(RequestPolicy.PREFIX));
    }

    private RequestRules rules() {
        return new RequestRules(policy());
    }

    /** A request with everything its page shows. */
    public record Opened(ReactivationRequest request, Household household, Member member, Evaluation evaluation,
            List<RequestEvent> history) {
    }

    /** Where a request went when the rules or settings were applied again. */
    public record Change(UUID id, String nama, RequestStatus before, RequestStatus after, boolean urgentBefore,
            boolean urgentAfter) {
    }

    /** Who a new request would be for, and the open request they already have, if any. */
    public record Start(UUID householdId, UUID memberId, String nama, String nik, String noKk, Optional<UUID> openRequest) {
    }

    /**
     * Before making a request for a member: their name and numbers, and their open request (which the
     * operator continues rather than starting a second one).
     *
     * @throws RequestException when the member is not in the household
     */
    public Start start(UUID householdId, UUID memberId) {
        Household household = households.load(householdId)
                .orElseThrow(() -> new RequestException("request.error.memberGone"));
        Member member = member(household, memberId);
        Optional<UUID> open = forMember(memberId).stream().filter(r -> r.status().open())
                .map(ReactivationRequest::id).reduce((a, b) -> b);
        return new Start(householdId, memberId, member.nama(), member.nik(), household.noKk(), open);
    }

    /** The requests of one member, newest last. */
    public List<ReactivationRequest> forMember(UUID memberId) {
        return db.read(h -> h.attach(RequestDao.class).forMember(memberId));
    }

    /**
     * Makes a request for a saved member: a draft, or ready at once when every blocking rule passes.
     *
     * @throws RequestException when the member is not (or no longer) in the household
     */
    public ReactivationRequest create(UUID householdId, UUID memberId, RequestForm form) {
        db.require("request.create"); // before any file is copied or written: a role that may not, changes nothing
        Household household = households.load(householdId)
                .orElseThrow(() -> new RequestException("request.error.memberGone"));
        Member member = member(household, memberId);
        UUID id = UUID.randomUUID();
        RequestRules rules = rules();
        Evaluation e = rules.evaluate(facts(id, household, member, form));
        OffsetDateTime now = OffsetDateTime.now(clock);
        RequestStatus status = e.preparedStatus();
        db.write("request.create", h -> {
            RequestDao dao = h.attach(RequestDao.class);
            dao.insert(id, householdId, memberId, form, name(form.checkChannel()), form.route().name(),
                    name(form.urgentCategory()), status.name(), e.urgent(), e.deadline(), e.blocking(), now);
            dao.event(id, now, "STATUS", status.name(), null, null, null, who());
            db.about("request", id, "member", "form", "status");
            return null;
        });
        return find(id).orElseThrow();
    }

    /**
     * Saves the form of a request still being prepared; its status follows the rules.
     *
     * @throws RequestException when it has been sent (or ended) meanwhile, or is gone
     */
    public ReactivationRequest update(UUID id, RequestForm form) {
        db.require("request.update"); // the role first: a Pemeriksa hears that, not what else is wrong
        ReactivationRequest r = find(id).orElseThrow(() -> new RequestException("request.error.gone"));
        if (!r.status().preparing()) {
            throw new RequestException("request.error.notEditable", r.status());
        }
        Household household = households.load(r.householdId())
                .orElseThrow(() -> new RequestException("request.error.memberGone"));
        Evaluation e = rules().evaluate(facts(id, household, member(household, r.memberId()), form));
        OffsetDateTime now = OffsetDateTime.now(clock);
        db.write("request.update", h -> {
            RequestDao dao = h.attach(RequestDao.class);
            dao.updateForm(id, form, name(form.checkChannel()), form.route().name(), name(form.urgentCategory()), now);
            db.about("request", id, Changes.names(r.form(), form));
            derive(dao, r, e, now);
            return null;
        });
        return find(id).orElseThrow();
    }

    public Optional<ReactivationRequest> find(UUID id) {
        return db.read(h -> h.attach(RequestDao.class).find(id));
    }

    /**
     * The request with its person, checklist, rules evaluated today, and history. Reads only: what the
     * rules derive today (a letter expired since the last evaluation) is shown as computed now; it is
     * stored when its inputs change (a save, an attach, the settings) and by the re-check at start.
     */
    public Optional<Opened> open(UUID id) {
        Optional<ReactivationRequest> found = find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ReactivationRequest r = found.get();
        Optional<Household> household = households.load(r.householdId());
        if (household.isEmpty()) {
            return Optional.empty();
        }
        Member member = member(household.get(), r.memberId());
        Evaluation e = rules().evaluate(facts(id, household.get(), member, r.form()));
        if (changed(r, e)) {
            r = derived(r, e);
        }
        List<RequestEvent> history = db.read(h -> h.attach(RequestDao.class).events(id));
        return Optional.of(new Opened(r, household.get(), member, e, history));
    }

    /** What the rules would say about {@code form} for this member, without saving anything (the form as typed). */
    public Evaluation preview(UUID requestId, UUID householdId, UUID memberId, RequestForm form) {
        Household household = households.load(householdId)
                .orElseThrow(() -> new RequestException("request.error.memberGone"));
        return rules().evaluate(facts(requestId, household, member(household, memberId), form));
    }

    /**
     * Moves a request on: Siap kirim → Terkirim (in bundle {@code text}), Terkirim → Disetujui or
     * Ditolak ({@code text} is the reason), Disetujui → Aktif kembali (on {@code date}) or Gagal
     * ({@code text} is the reason). Dated in the history.
     *
     * @throws RequestException when the move is not allowed from where the request stands, or a
     *         reason or date is missing
     */
    public ReactivationRequest move(UUID id, RequestStatus to, LocalDate date, String text) {
        db.require("request.status"); // the role first: a Pemeriksa hears that, not what else is wrong
        ReactivationRequest r = find(id).orElseThrow(() -> new RequestException("request.error.gone"));
        if (!r.status().next().contains(to)) {
            throw new RequestException("request.error.transition", r.status(), to);
        }
        String note = text == null || text.isBlank() ? null : text.strip();
        if (to == RequestStatus.DRAF) {
            return reopen(r);
        }
        if (to.needsReason() && note == null) {
            throw new RequestException("request.error.reasonRequired", to);
        }
        if (to == RequestStatus.TERKIRIM && note == null) {
            throw new RequestException("request.error.bundleRequired");
        }
        LocalDate today = today();
        if (to == RequestStatus.AKTIF_KEMBALI) {
            if (date == null) {
                throw new RequestException("request.error.dateRequired");
            }
            if (date.isAfter(today)) {
                throw new RequestException("request.error.dateFuture", date);
            }
        }
        LocalDate due = to == RequestStatus.AKTIF_KEMBALI ? FollowUp.due(date, policy()) : null;
        String bundle = to == RequestStatus.TERKIRIM ? truncate(note, 100) : null;
        String reason = to.needsReason() ? truncate(note, 500) : r.decisionReason();
        OffsetDateTime now = OffsetDateTime.now(clock);
        int updated = db.write("request.status", h -> {
            RequestDao dao = h.attach(RequestDao.class);
            int n = dao.updateStatus(id, r.status().name(), to.name(), bundle, reason,
                    to == RequestStatus.AKTIF_KEMBALI ? date : r.reactivatedOn(), due, now);
            db.about("request", id, reason == null ? List.of("status") : List.of("status", "reason"));
            if (n == 1) {
                dao.event(id, now, "STATUS", to.name(), to == RequestStatus.AKTIF_KEMBALI ? date : null, bundle,
                        to == RequestStatus.TERKIRIM ? null : truncate(note, 500), who());
            }
            return n;
        });
        if (updated != 1) {
            throw new RequestException("request.error.changedMeanwhile");
        }
        return find(id).orElseThrow();
    }

    /** Perlu perbaikan → back to being prepared: the rules say Draf or Siap kirim, the reason stays to read. */
    private ReactivationRequest reopen(ReactivationRequest r) {
        Household household = households.load(r.householdId())
                .orElseThrow(() -> new RequestException("request.error.memberGone"));
        Evaluation e = rules().evaluate(facts(r.id(), household, member(household, r.memberId()), r.form()));
        RequestStatus prepared = e.preparedStatus();
        OffsetDateTime now = OffsetDateTime.now(clock);
        int updated = db.write("request.status", h -> {
            RequestDao dao = h.attach(RequestDao.class);
            int n = dao.updateDerived(r.id(), r.status().name(), prepared.name(), e.urgent(), e.deadline(), e.blocking(), now);
            if (n == 1) {
                dao.event(r.id(), now, "STATUS", prepared.name(), null, null, null, who());
            }
            return n;
        });
        if (updated != 1) {
            throw new RequestException("request.error.changedMeanwhile");
        }
        return find(r.id()).orElseThrow();
    }

    /**
     * Inside a bundle's transaction: the request went out in {@code bundle}. A request already sent
     * goes out again (a lost stick): its history says so.
     *
     * @return false when it is no longer ready or sent (changed since the bundle was made)
     */
    public boolean markSent(Tx tx, UUID id, RequestStatus from, String bundle, OffsetDateTime now) {
        if (from != RequestStatus.SIAP_KIRIM && from != RequestStatus.TERKIRIM) {
            return false;
        }
        RequestDao dao = tx.dao(RequestDao.class);
        ReactivationRequest r = dao.find(id).orElse(null);
        if (r == null || r.status() != from) {
            return false;
        }
        int n = dao.updateStatus(id, from.name(), RequestStatus.TERKIRIM.name(), truncate(bundle, 100), r.decisionReason(),
                r.reactivatedOn(), r.followUpDue(), now);
        if (n == 1) {
            dao.event(id, now, "STATUS", RequestStatus.TERKIRIM.name(), null, truncate(bundle, 100),
                    from == RequestStatus.TERKIRIM ? RESEND_NOTE : null, who());
        }
        return n == 1;
    }

    /** The history note of a request sent again in a new bundle. */
    public static final String RESEND_NOTE = "kirim ulang";

    /**
     * Inside a response's transaction: the Dinas Sosial's decision on a sent request.
     *
     * @return false when the request is no longer {@link RequestStatus#TERKIRIM}
     */
    public boolean applyDecision(Tx tx, UUID id, RequestStatus to, String reason, String source, OffsetDateTime now) {
        if (!RequestStatus.TERKIRIM.next().contains(to)) {
            throw new IllegalArgumentException(to.name());
        }
        RequestDao dao = tx.dao(RequestDao.class);
        String note = reason == null || reason.isBlank() ? null : truncate(reason.strip(), 500);
        int n = dao.updateStatus(id, RequestStatus.TERKIRIM.name(), to.name(), null, note, null, null, now);
        if (n == 1) {
            dao.event(id, now, "STATUS", to.name(), null, truncate(source, 100), note, who());
        }
        return n == 1;
    }

    /**
     * Records the data update that closes a reactivated person's follow-up.
     *
     * @throws RequestException when the request is not reactivated, or the date is impossible
     */
    public ReactivationRequest closeFollowUp(UUID id, LocalDate updatedOn) {
        db.require("request.followUp"); // the role first: a Pemeriksa hears that, not what else is wrong
        ReactivationRequest r = find(id).orElseThrow(() -> new RequestException("request.error.gone"));
        if (r.status() != RequestStatus.AKTIF_KEMBALI || r.followUpDone() != null) {
            throw new RequestException("request.error.noFollowUp");
        }
        if (updatedOn == null) {
            throw new RequestException("request.error.dateRequired");
        }
        if (updatedOn.isAfter(today()) || updatedOn.isBefore(r.reactivatedOn())) {
            throw new RequestException("request.error.followUpDate", r.reactivatedOn());
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        db.write("request.followUp", h -> {
            RequestDao dao = h.attach(RequestDao.class);
            dao.closeFollowUp(id, updatedOn, now);
            db.about("request", id, "followUp");
            dao.event(id, now, "FOLLOW_UP", r.status().name(), updatedOn, null, null, who());
            return null;
        });
        return find(id).orElseThrow();
    }

    /** Deletes a request that was never sent (made by mistake). Sent ones stay, with their history. */
    public void deleteUnsent(UUID id) {
        int n = db.write("request.delete", h -> {
            db.about("request", id);
            return h.attach(RequestDao.class).deletePreparing(id);
        });
        if (n != 1 && find(id).isPresent()) {
            throw new RequestException("request.error.notDeletable");
        }
    }

    /** Applies the rules again to the household's requests still being prepared (after a save or an attach). */
    public List<Change> reevaluateHousehold(UUID householdId) {
        List<ReactivationRequest> preparing = db.read(h -> h.attach(RequestDao.class).preparingIn(householdId));
        return reevaluate(preparing);
    }

    /**
     * Applies the rules again to every open request: on start-up (a day passed, a letter expired) and
     * after a change of settings. Returns the requests whose status or urgency changed.
     */
    public List<Change> reevaluateOpen() {
        return reevaluate(db.read(h -> h.attach(RequestDao.class).allOpen()));
    }

    /**
     * On start-up: the requests still being prepared, whose status a passing day can change (the
     * 6-month limit, a letter expiring). Sent ones only change with the settings.
     */
    public List<Change> reevaluatePreparing() {
        return reevaluate(db.read(h -> h.attach(RequestDao.class).allPreparing()));
    }

    /**
     * The requests a check goes through, oldest first: those still being prepared (the start-up's), or
     * every open one. The window checks them a part at a time ({@link #reevaluatePart}), so that what
     * the operator asks for meanwhile runs between two parts instead of after the whole check.
     */
    public List<UUID> toReevaluate(boolean preparingOnly) {
        return db.read(h -> preparingOnly ? h.attach(RequestDao.class).preparingIds() : h.attach(RequestDao.class).openIds());
    }

    /** The rules again for those of {@code ids} still open, as they are now; returns those whose status or urgency changed. */
    public List<Change> reevaluatePart(List<UUID> ids) {
        return ids.isEmpty() ? List.of() : reevaluate(db.read(h -> h.attach(RequestDao.class).openAmong(ids)));
    }

    private List<Change> reevaluate(List<ReactivationRequest> requests) {
        if (requests.isEmpty()) {
            return List.of();
        }
        RequestRules rules = rules();
        DocumentSettings docSettings = documents.settings();
        LocalDate today = today();
        Map<UUID, Household> loaded = new LinkedHashMap<>();
        List<Change> changes = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (ReactivationRequest r : requests) {
            Household household = loaded.computeIfAbsent(r.householdId(), hid -> households.load(hid).orElse(null));
            if (household == null) {
                continue;
            }
            Member member = member(household, r.memberId());
            Evaluation e = rules.evaluate(facts(r.id(), household, member, r.form(), docSettings, today));
            if (!changed(r, e)) {
                continue;
            }
            RequestStatus after = r.status().preparing() ? e.preparedStatus() : r.status();
            int n = db.write("request.evaluate", h -> derive(h.attach(RequestDao.class), r, e, now));
            if (n == 1 && (after != r.status() || e.urgent() != r.urgent())) {
                changes.add(new Change(r.id(), member.nama(), r.status(), after, r.urgent(), e.urgent()));
            }
        }
        return changes;
    }

    /** Saves new rule settings and applies them to every open request; returns what changed. */
    public List<Change> savePolicy(RequestPolicy policy) {
        settings.write(policy.toMap());
        List<Change> changes = reevaluateOpen();
        // the follow-up schedule may have moved: due dates of open follow-ups follow it
        db.write("settings.change", h -> {
            RequestDao dao = h.attach(RequestDao.class);
            for (ReactivationRequest r : dao.openFollowUps()) {
                dao.updateFollowUpDue(r.id(), FollowUp.due(r.reactivatedOn(), policy));
            }
            return null;
        });
        return changes;
    }

    /**
     * Sample data only ("Coba dengan data contoh", demo, bench): a request made at {@code created}
     * that went through {@code path} a few days per step, with its history, in one transaction. A
     * request still being prepared gets the status its rules give it.
     */
    UUID sample(UUID householdId, UUID memberId, RequestForm form, OffsetDateTime created, List<RequestStatus> path) {
        Household household = households.load(householdId).orElseThrow();
        UUID id = UUID.randomUUID();
        Evaluation e = rules().evaluate(facts(id, household, member(household, memberId), form));
        RequestStatus prepared = e.preparedStatus();
        RequestStatus last = path.isEmpty() ? prepared : path.get(path.size() - 1);
        LocalDate today = today();
        db.write("request.sample", h -> {
            RequestDao dao = h.attach(RequestDao.class);
            dao.insert(id, householdId, memberId, form, name(form.checkChannel()), form.route().name(),
                    name(form.urgentCategory()), path.isEmpty() ? prepared.name() : RequestStatus.SIAP_KIRIM.name(),
                    e.urgent(), e.deadline(), path.isEmpty() ? e.blocking() : 0, created);
            dao.event(id, created, "STATUS", (path.isEmpty() ? prepared : RequestStatus.SIAP_KIRIM).name(), null, null, null, who());
            RequestStatus from = RequestStatus.SIAP_KIRIM;
            OffsetDateTime at = created;
            for (RequestStatus step : path) {
                if (step == RequestStatus.SIAP_KIRIM) {
                    continue;
                }
                at = at.plusDays(3);
                if (at.toLocalDate().isAfter(today)) {
                    at = OffsetDateTime.now(clock);
                }
                LocalDate day = at.toLocalDate();
                String bundle = step == RequestStatus.TERKIRIM ? "Unggah SIKS-NG " + id.toString().substring(0, 4) : null;
                String reason = step == RequestStatus.DITOLAK ? "Tidak terdaftar di DTSEN desil 1-5"
                        : step == RequestStatus.GAGAL ? "Data BPJS tidak ditemukan" : null;
                LocalDate due = step == RequestStatus.AKTIF_KEMBALI ? FollowUp.due(day, policy()) : null;
                dao.updateStatus(id, from.name(), step.name(), bundle, reason,
                        step == RequestStatus.AKTIF_KEMBALI ? day : null, due, at);
                dao.event(id, at, "STATUS", step.name(), step == RequestStatus.AKTIF_KEMBALI ? day : null, bundle, reason, who());
                from = step;
            }
            return null;
        });
        return id;
    }

    // ----- lists and dashboard

    public List<RequestSummary> search(RequestFilter f) {
        List<String> where = new ArrayList<>();
        where.add("1 = 1");
        if (!f.statuses().isEmpty()) {
            where.add("r.status IN (" + f.statuses().stream().map(s -> "'" + s.name() + "'")
                    .collect(Collectors.joining(", ")) + ")");
        }
        if (f.urgent() != null) {
            where.add("r.urgent = :urgent");
        }
        String rt = HouseholdSearch.nullIfBlank(f.rt());
        String rw = HouseholdSearch.nullIfBlank(f.rw());
        if (rt != null) {
            where.add("h.rt = :rt");
        }
        if (rw != null) {
            where.add("h.rw = :rw");
        }
        if (f.route() != null) {
            where.add("r.route = :route");
        }
        String number = null;
        String name = null;
        HouseholdSearch text = HouseholdSearch.text(f.text() == null ? "" : f.text());
        if (text.hasText()) {
            if (text.isNumber()) {
                number = text.numberPrefix() + "%";
                where.add("(m.nik LIKE :number OR h.no_kk LIKE :number)");
            } else {
                name = "%" + text.folded().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                where.add("m.nama_cari LIKE :name ESCAPE '\\'");
            }
        }
        LocalDate today = today();
        // the amber days are a setting: read only for the lists that use them, not on every keystroke
        boolean soon = f.view() == RequestFilter.View.DEADLINE_SOON || f.view() == RequestFilter.View.FOLLOW_UP_DUE;
        LocalDate soonUntil = soon ? today.plusDays(policy().soonDays() - 1L) : null;
        if (f.view() == RequestFilter.View.DEADLINE_SOON) {
            where.add("r.status IN ('DRAF', 'SIAP_KIRIM') AND r.deadline >= :today AND r.deadline <= :soonUntil");
        } else if (f.view() == RequestFilter.View.FOLLOW_UP_DUE) {
            where.add("r.status = 'AKTIF_KEMBALI' AND r.follow_up_done IS NULL AND r.follow_up_due <= :soonUntil");
        } else if (f.view() == RequestFilter.View.URGENT_OPEN) {
            where.add(URGENT_OPEN);
        }
        OffsetDateTime from = null;
        OffsetDateTime until = null;
        if (f.month() != null) {
            from = f.month().atDay(1).atStartOfDay(clock.getZone()).toOffsetDateTime();
            until = f.month().plusMonths(1).atDay(1).atStartOfDay(clock.getZone()).toOffsetDateTime();
            where.add("r.created_at >= :from AND r.created_at < :until");
        }
        OffsetDateTime fr = from;
        OffsetDateTime un = until;
        String n = number;
        String nm = name;
        return db.read(h -> h.attach(RequestDao.class).search(String.join(" AND ", where), f.urgent(), rt, rw,
                f.route() == null ? null : f.route().name(), n, nm, soonUntil, today, fr, un, f.limit()));
    }

    /** The RT and RW values of households with requests, for the list's filters. */
    public record Filters(List<String> rt, List<String> rw) {
    }

    public Filters filters() {
        return db.read(h -> {
            RequestDao dao = h.attach(RequestDao.class);
            return new Filters(dao.rts(), dao.rws());
        });
    }

    /** The requests made for these members (for a person's audit trail). */
    public java.util.Set<UUID> idsForMembers(java.util.Collection<UUID> memberIds) {
        if (memberIds.isEmpty()) {
            return java.util.Set.of();
        }
        return db.read(h -> new java.util.HashSet<>(h.createQuery(
                "SELECT id FROM reactivation_request WHERE member_id IN (<ids>)").bindList("ids", memberIds)
                .mapTo(UUID.class).list()));
    }

    /** Who acts now, for the history lines. */
    private String who() {
        return db.session().operator();
    }

    public int count() {
        return db.read(h -> h.attach(RequestDao.class).count());
    }

    private static final String URGENT_OPEN = "r.urgent AND r.status IN " + RequestDao.OPEN;

    /** Urgent open requests shown on the home screen. */
    public static final int DASHBOARD_URGENT = 8;

    public Dashboard dashboard() {
        LocalDate today = today();
        RequestPolicy policy = policy();
        LocalDate soonUntil = today.plusDays(policy.soonDays() - 1L);
        YearMonth first = YearMonth.from(today).minusMonths(11);
        // the urgent list beside the figures, on a connection of its own: on a store just opened each reads
        // its pages for the first time (100-150 ms apiece for 2,000 requests), and Enter waits for both
        java.util.concurrent.CompletableFuture<List<RequestSummary>> urgent = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> db.read(h -> h.attach(RequestDao.class).urgentOpen()));
        return db.read(h -> {
            RequestDao dao = h.attach(RequestDao.class);
            Map<RequestStatus, Integer> byStatus = new EnumMap<>(RequestStatus.class);
            Map<RequestStatus, Integer> urgentByStatus = new EnumMap<>(RequestStatus.class);
            for (RequestStatus s : RequestStatus.values()) {
                byStatus.put(s, 0);
                urgentByStatus.put(s, 0);
            }
            Map<YearMonth, Map<RequestStatus, Integer>> perMonth = new LinkedHashMap<>();
            for (int i = 0; i < 12; i++) {
                perMonth.put(first.plusMonths(i), new EnumMap<>(RequestStatus.class));
            }
            int deadlinesSoon = 0;
            int followUpsDue = 0;
            for (RequestDao.DashboardCount c : dao.dashboardCounts(today, soonUntil)) {
                byStatus.merge(c.status(), c.count(), Integer::sum);
                if (c.urgent()) {
                    urgentByStatus.merge(c.status(), c.count(), Integer::sum);
                }
                Map<RequestStatus, Integer> month = perMonth.get(YearMonth.of(c.year(), c.month()));
                if (month != null) {
                    month.merge(c.status(), c.count(), Integer::sum);
                }
                deadlinesSoon += c.deadlinesSoon();
                followUpsDue += c.followUpsDue();
            }
            return new Dashboard(today, byStatus, urgentByStatus, deadlinesSoon, followUpsDue, policy.soonDays(),
                    id.berkasdesa.common.Futures.join(urgent), perMonth);
        });
    }

    // ----- facts and derived state

    private RequestFacts facts(UUID requestId, Household household, Member member, RequestForm form) {
        return facts(requestId, household, member, form, documents.settings(), today());
    }

    private RequestFacts facts(UUID requestId, Household household, Member member, RequestForm form,
            DocumentSettings docSettings, LocalDate today) {
        List<Document> docs = documents.forHousehold(household.id());
        Checklist checklist = Checklist.forMember(docSettings, member.id(), docs, today);
        Set<Diagnosis> diagnoses = docs.stream()
                .filter(d -> d.kind() == DocumentKind.FASKES && member.id().equals(d.memberId()))
                .filter(d -> !d.expired(today, docSettings.expiryMonths()) && d.diagnosis() != null)
                .map(Document::diagnosis).collect(Collectors.toSet());
        Findings findings = households.rules().check(household, today);
        int others = db.read(h -> h.attach(RequestDao.class).otherOpen(requestId, member.id(), member.nik()));
        return new RequestFacts(form, member, findings, checklist, diagnoses, others, today);
    }

    private static boolean changed(ReactivationRequest r, Evaluation e) {
        RequestStatus after = r.status().preparing() ? e.preparedStatus() : r.status();
        return after != r.status() || e.urgent() != r.urgent() || e.blocking() != r.blocking()
                || !java.util.Objects.equals(e.deadline(), r.deadline());
    }

    /** The request as the rules see it today, not stored. */
    private static ReactivationRequest derived(ReactivationRequest r, Evaluation e) {
        RequestStatus after = r.status().preparing() ? e.preparedStatus() : r.status();
        return new ReactivationRequest(r.id(), r.householdId(), r.memberId(), r.form(), after, e.urgent(), e.deadline(),
                e.blocking(), r.bundle(), r.decisionReason(), r.reactivatedOn(), r.followUpDue(), r.followUpDone(),
                r.createdAt());
    }

    /** Stores what the rules derived; a change of status goes into the history. */
    private int derive(RequestDao dao, ReactivationRequest r, Evaluation e, OffsetDateTime now) {
        RequestStatus after = r.status().preparing() ? e.preparedStatus() : r.status();
        int n = dao.updateDerived(r.id(), r.status().name(), after.name(), e.urgent(), e.deadline(), e.blocking(), now);
        if (n == 1 && after != r.status()) {
            dao.event(r.id(), now, "STATUS", after.name(), null, null, null, who());
        }
        return n;
    }

    private static Member member(Household household, UUID memberId) {
        return household.members().stream().filter(m -> m.id().equals(memberId)).findFirst()
                .orElseThrow(() -> new RequestException("request.error.memberGone"));
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
