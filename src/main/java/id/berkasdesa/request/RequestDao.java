package id.berkasdesa.request;

import id.berkasdesa.document.Diagnosis;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for reactivation requests. Attached to a handle inside {@code Database.write/read}. */
@RegisterRowMapper(RequestDao.RequestMapper.class)
@RegisterRowMapper(RequestDao.SummaryMapper.class)
@RegisterRowMapper(RequestDao.EventMapper.class)
interface RequestDao {

    /** The statuses of {@link RequestStatus#open()}, for SQL (a test keeps the two the same). */
    String OPEN = "('DRAF', 'SIAP_KIRIM', 'TERKIRIM', 'PERLU_PERBAIKAN', 'DISETUJUI')";

    @SqlQuery("SELECT * FROM reactivation_request WHERE id = :id")
    Optional<ReactivationRequest> find(@Bind("id") UUID id);

    @SqlQuery("SELECT * FROM reactivation_request WHERE member_id = :member ORDER BY created_at")
    List<ReactivationRequest> forMember(@Bind("member") UUID member);

    @SqlQuery("SELECT * FROM reactivation_request WHERE household_id = :household AND status IN ('DRAF', 'SIAP_KIRIM')")
    List<ReactivationRequest> preparingIn(@Bind("household") UUID household);

    @SqlQuery("SELECT * FROM reactivation_request WHERE status IN " + OPEN)
    List<ReactivationRequest> allOpen();

    @SqlQuery("SELECT * FROM reactivation_request WHERE status IN ('DRAF', 'SIAP_KIRIM')")
    List<ReactivationRequest> allPreparing();

    @SqlQuery("SELECT id FROM reactivation_request WHERE status IN ('DRAF', 'SIAP_KIRIM') ORDER BY seq")
    List<UUID> preparingIds();

    @SqlQuery("SELECT id FROM reactivation_request WHERE status IN " + OPEN + " ORDER BY seq")
    List<UUID> openIds();

    /** Those of {@code ids} still open now, as they are now. */
    @SqlQuery("SELECT * FROM reactivation_request WHERE id IN (<ids>) AND status IN " + OPEN + " ORDER BY seq")
    List<ReactivationRequest> openAmong(
            @BindList(value = "ids", onEmpty = BindList.EmptyHandling.NULL_STRING) List<UUID> ids);

    @SqlQuery("SELECT * FROM reactivation_request WHERE status = 'AKTIF_KEMBALI' AND follow_up_done IS NULL")
    List<ReactivationRequest> openFollowUps();

    /**
     * Open requests for the person made before this one: the same NIK on any KK, or the same member
     * when there is no NIK. The later request is the duplicate; the first one stays ready. The members
     * are found by their two indexes and the requests by theirs: written as one join with an OR, the
     * engine walked every open request for each call (6-11 ms each, against 0.1 ms; the start-up's
     * check of 800 open requests took 5-9 s of the one worker).
     */
    @SqlQuery("""
            SELECT COUNT(*) FROM reactivation_request r
            WHERE r.status IN """ + OPEN + """
              AND r.id <> :id
              AND r.seq < COALESCE((SELECT seq FROM reactivation_request WHERE id = :id), 9223372036854775807)
              AND r.member_id IN (SELECT m.id FROM member m WHERE m.id = :member
                                  UNION SELECT m.id FROM member m WHERE m.nik = :nik)
            """)
    int otherOpen(@Bind("id") UUID id, @Bind("member") UUID member, @Bind("nik") String nik);

    @SqlUpdate("""
            INSERT INTO reactivation_request (id, household_id, member_id, check_date, check_channel, bpjs_number,
                   deletion_date, route, reason, urgent_category, dtsen_registered, adminduk_padan, status, urgent,
                   deadline, blocking, created_at, updated_at)
            VALUES (:id, :household, :member, :f.checkDate, :checkChannel, :f.bpjsNumber, :f.deletionDate, :route,
                   :f.reason, :category, :f.dtsenRegistered, :f.adminduksPadan, :status, :urgent, :deadline, :blocking,
                   :now, :now)
            """)
    void insert(@Bind("id") UUID id, @Bind("household") UUID household, @Bind("member") UUID member,
            @BindMethods("f") RequestForm form, @Bind("checkChannel") String channel,
            @Bind("route") String route, @Bind("category") String category, @Bind("status") String status,
            @Bind("urgent") boolean urgent, @Bind("deadline") LocalDate deadline, @Bind("blocking") int blocking,
            @Bind("now") OffsetDateTime now);

    @SqlUpdate("""
            UPDATE reactivation_request SET check_date = :f.checkDate, check_channel = :checkChannel,
                   bpjs_number = :f.bpjsNumber, deletion_date = :f.deletionDate, route = :route, reason = :f.reason,
                   urgent_category = :category, dtsen_registered = :f.dtsenRegistered,
                   adminduk_padan = :f.adminduksPadan, updated_at = :now
            WHERE id = :id
            """)
    int updateForm(@Bind("id") UUID id, @BindMethods("f") RequestForm form,
            @Bind("checkChannel") String channel, @Bind("route") String route, @Bind("category") String category,
            @Bind("now") OffsetDateTime now);

    @SqlUpdate("""
            UPDATE reactivation_request SET status = :status, urgent = :urgent, deadline = :deadline,
                   blocking = :blocking, updated_at = :now
            WHERE id = :id AND status = :from
            """)
    int updateDerived(@Bind("id") UUID id, @Bind("from") String from, @Bind("status") String status, @Bind("urgent") boolean urgent,
            @Bind("deadline") LocalDate deadline, @Bind("blocking") int blocking, @Bind("now") OffsetDateTime now);

    @SqlUpdate("""
            UPDATE reactivation_request SET status = :status, bundle = COALESCE(:bundle, bundle),
                   decision_reason = :reason, reactivated_on = :reactivated, follow_up_due = :due, updated_at = :now
            WHERE id = :id AND status = :from
            """)
    int updateStatus(@Bind("id") UUID id, @Bind("from") String from, @Bind("status") String status,
            @Bind("bundle") String bundle, @Bind("reason") String reason, @Bind("reactivated") LocalDate reactivated,
            @Bind("due") LocalDate due, @Bind("now") OffsetDateTime now);

    @SqlUpdate("UPDATE reactivation_request SET follow_up_done = :done, updated_at = :now WHERE id = :id AND follow_up_done IS NULL")
    int closeFollowUp(@Bind("id") UUID id, @Bind("done") LocalDate done, @Bind("now") OffsetDateTime now);

    @SqlUpdate("UPDATE reactivation_request SET follow_up_due = :due WHERE id = :id")
    int updateFollowUpDue(@Bind("id") UUID id, @Bind("due") LocalDate due);

    @SqlUpdate("DELETE FROM reactivation_request WHERE id = :id AND status IN ('DRAF', 'SIAP_KIRIM')")
    int deletePreparing(@Bind("id") UUID id);

    @SqlUpdate("""
            INSERT INTO request_event (request_id, seq, at, kind, status, event_date, bundle, note, operator)
            VALUES (:id, (SELECT COALESCE(MAX(seq), 0) + 1 FROM request_event WHERE request_id = :id), :now, :kind,
                   :status, :date, :bundle, :note, :operator)
            """)
    void event(@Bind("id") UUID id, @Bind("now") OffsetDateTime now, @Bind("kind") String kind,
            @Bind("status") String status, @Bind("date") LocalDate date, @Bind("bundle") String bundle,
            @Bind("note") String note, @Bind("operator") String operator);

    @SqlQuery("SELECT * FROM request_event WHERE request_id = :id ORDER BY seq")
    List<RequestEvent> events(@Bind("id") UUID id);

    String SUMMARY = """
            SELECT r.id, r.household_id, m.nama, m.nik, h.no_kk, h.rt, h.rw, r.route, r.status, r.urgent,
                   r.urgent_category, r.deletion_date, r.deadline, r.blocking, r.bundle, r.decision_reason, r.follow_up_due,
                   r.follow_up_done, r.created_at
            FROM reactivation_request r JOIN member m ON m.id = r.member_id JOIN household h ON h.id = r.household_id
            """;

    /**
     * Filtered list: open ones first, urgent first, then by deadline. {@code where} is built by the
     * service from fixed fragments and status names only; every value the operator typed is bound.
     */
    @SqlQuery(SUMMARY + " WHERE <where> ORDER BY CASE WHEN r.status IN " + OPEN
            + " THEN 0 ELSE 1 END, r.urgent DESC, r.deadline NULLS LAST, m.nama LIMIT :limit")
    List<RequestSummary> search(@Define("where") String where, @Bind("urgent") Boolean urgent, @Bind("rt") String rt, @Bind("rw") String rw, @Bind("route") String route,
            @Bind("number") String numberPrefix, @Bind("name") String nameFragment, @Bind("soonUntil") LocalDate soonUntil,
            @Bind("today") LocalDate today, @Bind("from") OffsetDateTime from, @Bind("until") OffsetDateTime until,
            @Bind("limit") int limit);

    /**
     * One group of the home screen's figures: the requests of one status, urgency and month of
     * creation, and how many of them have a deadline soon or a follow-up due.
     */
    record DashboardCount(RequestStatus status, boolean urgent, int year, int month, int count, int deadlinesSoon,
            int followUpsDue) {
    }

    /**
     * Every figure of the home screen in one pass over the requests (four queries once took four
     * passes, 80-120 ms each on a store just opened: the first reading after a sign-in).
     */
    @SqlQuery("""
            SELECT status, urgent, EXTRACT(YEAR FROM created_at) AS y, EXTRACT(MONTH FROM created_at) AS m, COUNT(*),
                   SUM(CASE WHEN status IN ('DRAF', 'SIAP_KIRIM') AND deadline >= :today AND deadline <= :soonUntil
                       THEN 1 ELSE 0 END),
                   SUM(CASE WHEN status = 'AKTIF_KEMBALI' AND follow_up_done IS NULL AND follow_up_due <= :soonUntil
                       THEN 1 ELSE 0 END)
            FROM reactivation_request GROUP BY status, urgent, y, m
            """)
    @RegisterRowMapper(DashboardCountMapper.class)
    List<DashboardCount> dashboardCounts(@Bind("today") LocalDate today, @Bind("soonUntil") LocalDate soonUntil);

    /**
     * The home screen's urgent open requests, in the list's order (deadline, then name; all of them
     * are open and urgent): the first ones by deadline are chosen from the requests alone (with ties)
     * before their people and households are joined, so a store just opened reads a few of those
     * pages instead of every urgent request's (1,595 pages for 366 urgent requests, 120-300 ms).
     */
    @SqlQuery("SELECT r.id, r.household_id, m.nama, m.nik, h.no_kk, h.rt, h.rw, r.route, r.status, r.urgent,"
            + " r.urgent_category, r.deletion_date, r.deadline, r.blocking, r.bundle, r.decision_reason, r.follow_up_due,"
            + " r.follow_up_done, r.created_at"
            + " FROM (SELECT * FROM reactivation_request WHERE urgent AND status IN " + OPEN
            + " ORDER BY deadline NULLS LAST FETCH FIRST " + RequestService.DASHBOARD_URGENT + " ROWS WITH TIES) r"
            + " JOIN member m ON m.id = r.member_id JOIN household h ON h.id = r.household_id"
            + " ORDER BY r.deadline NULLS LAST, m.nama LIMIT " + RequestService.DASHBOARD_URGENT)
    List<RequestSummary> urgentOpen();

    @SqlQuery("SELECT COUNT(*) FROM reactivation_request")
    int count();

    @SqlQuery("SELECT DISTINCT h.rt FROM reactivation_request r JOIN household h ON h.id = r.household_id ORDER BY 1")
    List<String> rts();

    @SqlQuery("SELECT DISTINCT h.rw FROM reactivation_request r JOIN household h ON h.id = r.household_id ORDER BY 1")
    List<String> rws();

    final class RequestMapper implements RowMapper<ReactivationRequest> {
        @Override
        public ReactivationRequest map(ResultSet rs, StatementContext ctx) throws SQLException {
            String channel = rs.getString("check_channel");
            String category = rs.getString("urgent_category");
            RequestForm form = new RequestForm(rs.getObject("check_date", LocalDate.class),
                    channel == null ? null : CheckChannel.valueOf(channel), rs.getString("bpjs_number"),
                    rs.getObject("deletion_date", LocalDate.class), Route.valueOf(rs.getString("route")),
                    rs.getString("reason"), category == null ? null : Diagnosis.valueOf(category),
                    rs.getObject("dtsen_registered", Boolean.class), rs.getObject("adminduk_padan", Boolean.class));
            return new ReactivationRequest(rs.getObject("id", UUID.class), rs.getObject("household_id", UUID.class),
                    rs.getObject("member_id", UUID.class), form, RequestStatus.valueOf(rs.getString("status")),
                    rs.getBoolean("urgent"), rs.getObject("deadline", LocalDate.class), rs.getInt("blocking"),
                    rs.getString("bundle"), rs.getString("decision_reason"),
                    rs.getObject("reactivated_on", LocalDate.class), rs.getObject("follow_up_due", LocalDate.class),
                    rs.getObject("follow_up_done", LocalDate.class), rs.getObject("created_at", OffsetDateTime.class));
        }
    }

    final class SummaryMapper implements RowMapper<RequestSummary> {
        @Override
        public RequestSummary map(ResultSet rs, StatementContext ctx) throws SQLException {
            String category = rs.getString("urgent_category");
            return new RequestSummary(rs.getObject("id", UUID.class), rs.getObject("household_id", UUID.class),
                    rs.getString("nama"), rs.getString("nik"), rs.getString("no_kk"), rs.getString("rt"),
                    rs.getString("rw"), Route.valueOf(rs.getString("route")), RequestStatus.valueOf(rs.getString("status")),
                    rs.getBoolean("urgent"), category == null ? null : Diagnosis.valueOf(category),
                    rs.getObject("deletion_date", LocalDate.class), rs.getObject("deadline", LocalDate.class),
                    rs.getInt("blocking"), rs.getString("bundle"), rs.getString("decision_reason"),
                    rs.getObject("follow_up_due", LocalDate.class),
                    rs.getObject("follow_up_done", LocalDate.class), rs.getObject("created_at", OffsetDateTime.class));
        }
    }

    final class EventMapper implements RowMapper<RequestEvent> {
        @Override
        public RequestEvent map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new RequestEvent(rs.getObject("at", OffsetDateTime.class), "FOLLOW_UP".equals(rs.getString("kind")),
                    RequestStatus.valueOf(rs.getString("status")), rs.getObject("event_date", LocalDate.class),
                    rs.getString("bundle"), rs.getString("note"),
                    rs.getString("operator") == null || rs.getString("operator").isBlank() ? null : rs.getString("operator"));
        }
    }

    final class DashboardCountMapper implements RowMapper<DashboardCount> {
        @Override
        public DashboardCount map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new DashboardCount(RequestStatus.valueOf(rs.getString(1)), rs.getBoolean(2), rs.getInt(3), rs.getInt(4),
                    rs.getInt(5), rs.getInt(6), rs.getInt(7));
        }
    }
}
