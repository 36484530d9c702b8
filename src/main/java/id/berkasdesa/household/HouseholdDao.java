package id.berkasdesa.household;

import id.berkasdesa.adminduk.Sex;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for households and their members. Attached to a handle inside {@code Database.write/read}. */
@RegisterRowMapper(HouseholdDao.MemberMapper.class)
@RegisterConstructorMapper(HouseholdSummary.class)
interface HouseholdDao {

    String SUMMARY = """
            SELECT h.id, h.no_kk, h.alamat, h.rt, h.rw, h.dusun, h.sample,
                   (SELECT m.nama FROM member m WHERE m.household_id = h.id AND m.shdk = 1
                      AND m.status = 'AKTIF' ORDER BY m.urut LIMIT 1) AS kepala,
                   (SELECT COUNT(*) FROM member m WHERE m.household_id = h.id AND m.status = 'AKTIF') AS jumlah
            FROM household h
            """;

    String FILTERS = """
             AND (CAST(:rt AS VARCHAR) IS NULL OR h.rt = :rt)
             AND (CAST(:rw AS VARCHAR) IS NULL OR h.rw = :rw)
             AND (CAST(:dusun AS VARCHAR) IS NULL OR h.dusun = :dusun)
            ORDER BY h.rw, h.rt, h.no_kk
            LIMIT :limit
            """;

    @SqlQuery(SUMMARY + " WHERE TRUE " + FILTERS)
    List<HouseholdSummary> listAll(@Bind("rt") String rt, @Bind("rw") String rw, @Bind("dusun") String dusun,
            @Bind("limit") int limit);

    /** Households whose No. KK, or a member's NIK, starts with {@code prefix} (index range scans). */
    @SqlQuery("""
            SELECT id FROM household WHERE no_kk >= :prefix AND no_kk < :prefix || 'Z'
            UNION
            SELECT household_id FROM member WHERE nik >= :prefix AND nik < :prefix || 'Z'
            LIMIT :limit
            """)
    List<UUID> numberMatches(@Bind("prefix") String prefix, @Bind("limit") int limit);

    @SqlQuery(SUMMARY + " WHERE h.id IN (<ids>) " + FILTERS)
    List<HouseholdSummary> summaries(@BindList(value = "ids", onEmpty = BindList.EmptyHandling.NULL_STRING) List<UUID> ids,
            @Bind("rt") String rt, @Bind("rw") String rw, @Bind("dusun") String dusun, @Bind("limit") int limit);

    record Name(UUID householdId, String namaCari) {
    }

    @SqlQuery("SELECT household_id, nama_cari FROM member")
    @RegisterConstructorMapper(Name.class)
    List<Name> allNames();

    @SqlQuery("SELECT COUNT(*) FROM household")
    int countHouseholds();

    @SqlQuery("SELECT DISTINCT <column> FROM household WHERE <column> IS NOT NULL ORDER BY <column>")
    List<String> distinct(@Define("column") String column);

    record Row(UUID id, String noKk, String alamat, String rt, String rw, String dusun, String kodePos,
            boolean sample) {
    }

    @SqlQuery("SELECT id, no_kk, alamat, rt, rw, dusun, kode_pos, sample FROM household WHERE id = :id")
    @RegisterConstructorMapper(Row.class)
    Optional<Row> findRow(@Bind("id") UUID id);

    @SqlQuery("SELECT id, no_kk, alamat, rt, rw, dusun, kode_pos, sample FROM household")
    @RegisterConstructorMapper(Row.class)
    List<Row> allRows();

    record Placed(UUID householdId, Member member) {
    }

    @SqlQuery("SELECT * FROM member ORDER BY household_id, urut")
    @RegisterRowMapper(PlacedMapper.class)
    List<Placed> allMembers();

    final class PlacedMapper implements RowMapper<Placed> {
        private final MemberMapper members = new MemberMapper();

        @Override
        public Placed map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Placed(rs.getObject("household_id", UUID.class), members.map(rs, ctx));
        }
    }

    @SqlQuery("SELECT * FROM member WHERE household_id = :id ORDER BY urut")
    List<Member> members(@Bind("id") UUID householdId);

    /** Which household holds an active member with this NIK, other than {@code except}. */
    @SqlQuery("""
            SELECT h.id AS household_id, h.no_kk, m.nama FROM member m JOIN household h ON h.id = m.household_id
            WHERE m.nik_aktif = :nik AND m.id <> :except
            """)
    @RegisterConstructorMapper(Holder.class)
    Optional<Holder> activeHolderOfNik(@Bind("nik") String nik, @Bind("except") UUID exceptMemberId);

    record Holder(UUID householdId, String noKk, String nama) {
    }

    @SqlQuery("SELECT id FROM household WHERE no_kk = :noKk")
    Optional<UUID> householdIdOfKk(@Bind("noKk") String noKk);

    /** Active members elsewhere with the same folded name and birth date (the mother's is compared in Java). */
    @SqlQuery("""
            SELECT h.no_kk, m.nama, m.nama_ibu, m.tanpa_nik FROM member m JOIN household h ON h.id = m.household_id
            WHERE m.nama_cari = :nama AND m.tanggal_lahir = :lahir AND m.status = 'AKTIF' AND m.household_id <> :household
            """)
    @RegisterConstructorMapper(Lookalike.class)
    List<Lookalike> lookalikes(@Bind("nama") String foldedName, @Bind("lahir") LocalDate birth,
            @Bind("household") UUID householdId);

    record Lookalike(String noKk, String nama, String namaIbu, boolean tanpaNik) {
    }

    @SqlUpdate("""
            INSERT INTO household (id, no_kk, alamat, rt, rw, dusun, kode_pos, sample, created_at, updated_at)
            VALUES (:id, :noKk, :alamat, :rt, :rw, :dusun, :kodePos, :sample, :now, :now)
            """)
    void insertHousehold(@BindMethods Household h, @Bind("now") OffsetDateTime now);

    @SqlQuery("SELECT id FROM household")
    List<UUID> allIds();

    /** New households of an import, in one batch. */
    @org.jdbi.v3.sqlobject.statement.SqlBatch("""
            INSERT INTO household (id, no_kk, alamat, rt, rw, dusun, kode_pos, sample, created_at, updated_at)
            VALUES (:id, :noKk, :alamat, :rt, :rw, :dusun, :kodePos, :sample, :now, :now)
            """)
    void insertHouseholds(@BindMethods List<Household> households, @Bind("now") OffsetDateTime now);

    /** New members of an import, in one batch; the lists run in step. */
    @org.jdbi.v3.sqlobject.statement.SqlBatch("""
            INSERT INTO member (id, household_id, urut, nik, tanpa_nik, nama, jenis_kelamin, tempat_lahir,
                   tanggal_lahir, agama, pendidikan, pekerjaan, status_perkawinan, shdk, kewarganegaraan,
                   nama_ayah, nama_ibu, status, status_tanggal, created_at, updated_at)
            VALUES (:m.id, :household, :urut, :m.nik, :m.tanpaNik, :m.nama, :sex, :m.tempatLahir,
                   :m.tanggalLahir, :m.agama, :m.pendidikan, :m.pekerjaan, :m.statusPerkawinan, :m.shdk,
                   :m.kewarganegaraan, :m.namaAyah, :m.namaIbu, :status, :m.statusDate, :now, :now)
            """)
    void insertMembers(@BindMethods("m") List<Member> members, @Bind("household") List<UUID> householdIds,
            @Bind("urut") List<Integer> urut, @Bind("sex") List<Integer> sexCodes, @Bind("status") List<String> status,
            @Bind("now") OffsetDateTime now);

    @SqlUpdate("""
            UPDATE household SET no_kk = :noKk, alamat = :alamat, rt = :rt, rw = :rw, dusun = :dusun,
                   kode_pos = :kodePos, updated_at = :now
            WHERE id = :id
            """)
    int updateHousehold(@BindMethods Household h, @Bind("now") OffsetDateTime now);

    @SqlUpdate("""
            INSERT INTO household_kk_change (household_id, old_no_kk, new_no_kk, changed_at)
            VALUES (:id, :old, :new, :now)
            """)
    void recordKkChange(@Bind("id") UUID id, @Bind("old") String oldNoKk, @Bind("new") String newNoKk,
            @Bind("now") OffsetDateTime now);

    @SqlUpdate("DELETE FROM member WHERE household_id IN (SELECT id FROM household WHERE sample)")
    int deleteSampleMembers();

    @SqlUpdate("DELETE FROM household_kk_change WHERE household_id IN (SELECT id FROM household WHERE sample)")
    int deleteSampleKkChanges();

    @SqlUpdate("DELETE FROM household WHERE sample")
    int deleteSampleHouseholds();

    @SqlQuery("SELECT old_no_kk FROM household_kk_change WHERE household_id = :id ORDER BY changed_at, id")
    List<String> previousKkNumbers(@Bind("id") UUID id);

    /** Standard MERGE (SQL:2003; H2 2.3 and PostgreSQL 15+), not H2's {@code MERGE … KEY}. */
    @SqlUpdate("""
            MERGE INTO member t
            USING (SELECT CAST(:m.id AS UUID) AS id) s ON t.id = s.id
            WHEN MATCHED THEN UPDATE SET household_id = :household, urut = :urut, nik = :m.nik,
                   tanpa_nik = :m.tanpaNik, nama = :m.nama, jenis_kelamin = :sex, tempat_lahir = :m.tempatLahir,
                   tanggal_lahir = :m.tanggalLahir, agama = :m.agama, pendidikan = :m.pendidikan,
                   pekerjaan = :m.pekerjaan, status_perkawinan = :m.statusPerkawinan, shdk = :m.shdk,
                   kewarganegaraan = :m.kewarganegaraan, nama_ayah = :m.namaAyah, nama_ibu = :m.namaIbu,
                   status = :status, status_tanggal = :m.statusDate, updated_at = :now
            WHEN NOT MATCHED THEN INSERT (id, household_id, urut, nik, tanpa_nik, nama, jenis_kelamin, tempat_lahir,
                   tanggal_lahir, agama, pendidikan, pekerjaan, status_perkawinan, shdk, kewarganegaraan,
                   nama_ayah, nama_ibu, status, status_tanggal, created_at, updated_at)
            VALUES (:m.id, :household, :urut, :m.nik, :m.tanpaNik, :m.nama, :sex, :m.tempatLahir,
                   :m.tanggalLahir, :m.agama, :m.pendidikan, :m.pekerjaan, :m.statusPerkawinan, :m.shdk,
                   :m.kewarganegaraan, :m.namaAyah, :m.namaIbu, :status, :m.statusDate, :now, :now)
            """)
    void upsertMember(@BindMethods("m") Member m, @Bind("household") UUID householdId, @Bind("urut") int urut,
            @Bind("sex") int sexCode, @Bind("status") String status, @Bind("now") OffsetDateTime now);

    final class MemberMapper implements RowMapper<Member> {
        @Override
        public Member map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Member(rs.getObject("id", UUID.class), rs.getString("nik"), rs.getBoolean("tanpa_nik"),
                    rs.getString("nama"), Sex.ofCode(rs.getInt("jenis_kelamin")), rs.getString("tempat_lahir"),
                    rs.getObject("tanggal_lahir", LocalDate.class), rs.getInt("agama"), rs.getInt("pendidikan"),
                    rs.getInt("pekerjaan"), rs.getInt("status_perkawinan"), rs.getInt("shdk"),
                    rs.getInt("kewarganegaraan"), rs.getString("nama_ayah"), rs.getString("nama_ibu"),
                    MemberStatus.valueOf(rs.getString("status")), rs.getObject("status_tanggal", LocalDate.class));
        }
    }
}
