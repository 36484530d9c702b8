package id.berkasdesa.dinas;

import id.berkasdesa.db.Database;
import id.berkasdesa.exchange.Balasan;
import id.berkasdesa.exchange.District;
import id.berkasdesa.keys.KeyPair;
import id.berkasdesa.keys.PublicKeys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Kirim balasan: the answer to each village for every endorsed decision not yet answered — the signed,
 * encrypted {@code balasan} the villages already read, with each decision's reason code and words —
 * one file per bundle answered (a village that sent one bundle gets one file), recorded so that it is
 * not sent twice by mistake, and made again on purpose when asked. The file is written whole first,
 * then recorded: a failure between the two leaves the answer unsent in the store, never sent and lost.
 */
public final class AnswerService {

    /**
     * One answer file made; or, with no file, the decisions on a plain bundle of a village whose key the
     * office has never received (an answer is encrypted to the village: {@code reasonKey} says so).
     */
    public record Made(String village, String bundleId, Path file, int decisions, String reasonKey) {
        public Made(String village, String bundleId, Path file, int decisions) {
            this(village, bundleId, file, decisions, null);
        }
    }

    private final Database db;
    private final Clock clock;
    private final Supplier<KeyPair> officeKeys;

    public AnswerService(Database db, Clock clock, Supplier<KeyPair> officeKeys) {
        this.db = db;
        this.clock = clock;
        this.officeKeys = officeKeys;
    }

    /** Endorsed decisions no answer has carried yet. */
    public int unanswered() {
        return db.read(h -> h.createQuery("SELECT COUNT(*) FROM dinas_request WHERE status = :s AND answer_id IS NULL")
                .bind("s", DecisionService.ENDORSED).mapTo(Integer.class).one());
    }

    /**
     * Writes the answers into {@code folder}.
     *
     * @param kodeDesa one village, or null for every village
     * @param again every endorsed decision, answered before or not (a file lost on the way)
     * @param reasonText the words of a reason code, in the village's language
     */
    public List<Made> write(String kodeDesa, Path folder, boolean again, Function<String, String> reasonText) {
        db.require("dinas.answer");
        KeyPair office = officeKeys.get();
        List<Map<String, Object>> rows = db.read(h -> h.createQuery("""
                SELECT r.id, r.kode_desa, r.bundle_id, r.nik, r.person_name, r.decision, r.reason_code, r.decision_note,
                b.village_public_json, b.bundle_name FROM dinas_request r JOIN dinas_bundle b ON b.bundle_id = r.bundle_id
                WHERE r.status = :s AND (:again OR r.answer_id IS NULL) AND (CAST(:kode AS VARCHAR(20)) IS NULL OR r.kode_desa = :kode)
                ORDER BY r.kode_desa, r.bundle_id, r.id""")
                .bind("s", DecisionService.ENDORSED).bind("again", again).bind("kode", kodeDesa).mapToMap().list());
        Map<String, List<Map<String, Object>>> byBundle = new LinkedHashMap<>();
        rows.forEach(r -> byBundle.computeIfAbsent((String) r.get("bundle_id"), b -> new ArrayList<>()).add(r));
        List<Made> made = new ArrayList<>();
        for (List<Map<String, Object>> group : byBundle.values()) {
            Map<String, Object> first = group.get(0);
            String kode = (String) first.get("kode_desa");
            String bundleId = (String) first.get("bundle_id");
            String bundleName = (String) first.get("bundle_name");
            String key = (String) first.get("village_public_json");
            if (key == null) {
                // a plain bundle: encrypted to the key of the village's latest protected bundle, when there is one
                key = db.read(h -> h.createQuery("""
                        SELECT village_public_json FROM dinas_bundle WHERE kode_desa = :kode AND village_public_json IS NOT NULL
                        ORDER BY received_at DESC""").bind("kode", kode).mapTo(String.class).findFirst()).orElse(null);
            }
            if (key == null) {
                made.add(new Made(kode, bundleId, null, group.size(), "dinas.answer.noKey"));
                continue;
            }
            PublicKeys village = PublicKeys.parse(key.getBytes(StandardCharsets.UTF_8));
            List<Balasan.Keputusan> decisions = new ArrayList<>();
            for (Map<String, Object> r : group) {
                String code = (String) r.get("reason_code");
                String note = (String) r.get("decision_note");
                String words = reasonText.apply(code) + (note == null ? "" : " — " + note);
                String decision = DecisionService.Decision.of((String) r.get("decision")).orElseThrow().name();
                decisions.add(new Balasan.Keputusan((String) r.get("id"), decision, words, code, null,
                        (String) r.get("person_name"), (String) r.get("nik")));
            }
            Balasan balasan = new Balasan(Balasan.SCHEMA, Balasan.VERSION, kode, LocalDate.now(clock).toString(), decisions);
            Path file = free(folder, "balasan_" + bundleName);
            District.answer(balasan, bundleId, bundleName, village, office, file);
            String answerId = UUID.randomUUID().toString();
            db.write("dinas.answer", h -> {
                h.createUpdate("""
                        INSERT INTO dinas_answer (answer_id, kode_desa, bundle_id, file_name, decisions, made_by, made_at)
                        VALUES (:a, :kode, :b, :file, :n, :by, :at)""")
                        .bind("a", answerId).bind("kode", kode).bind("b", bundleId).bind("file", file.getFileName().toString())
                        .bind("n", decisions.size()).bind("by", db.session().operator()).bind("at", OffsetDateTime.now(clock))
                        .execute();
                for (Balasan.Keputusan k : decisions) {
                    h.createUpdate("UPDATE dinas_request SET answer_id = :a, row_version = row_version + 1 WHERE id = :id")
                            .bind("a", answerId).bind("id", k.idUsulan()).execute();
                }
                db.about("dinasAnswer", answerId, List.of("decisions"));
                return null;
            });
            made.add(new Made(kode, bundleId, file, decisions.size()));
        }
        return made;
    }

    /** {@code base.zip} in {@code folder}, or {@code base-2.zip}… when a file of that name is there. */
    private static Path free(Path folder, String base) {
        try {
            Files.createDirectories(folder);
        } catch (java.io.IOException e) {
            throw new id.berkasdesa.exchange.BundleException("bundle.error.write", e, folder.toString(), 0);
        }
        Path p = folder.resolve(base + ".zip");
        for (int i = 2; Files.exists(p); i++) {
            p = folder.resolve(base + "-" + i + ".zip");
        }
        return p;
    }
}
