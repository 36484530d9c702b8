package id.berkasdesa.bundle;

import id.berkasdesa.exchange.BundleException;

import id.berkasdesa.db.Database;
import id.berkasdesa.keys.PublicKeys;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * The Dinas Sosial's public key as the village holds it: imported once by the Administrator from the
 * {@code .kunci-publik} file the district office made, its fingerprint compared with the one the
 * office gives by letter or phone. A second, different key is refused unless the Administrator
 * replaces the first explicitly. Who imported it, and when, is kept and in the audit trail.
 */
public final class DistrictKeyService {

    /** The key in use, with who imported it. */
    public record DistrictKey(PublicKeys keys, String importedBy, OffsetDateTime importedAt) {
        public String fingerprint() {
            return keys.fingerprint();
        }
    }

    private final Database db;
    private final Clock clock;

    public DistrictKeyService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Optional<DistrictKey> current() {
        return db.read(h -> h.createQuery("""
                SELECT public_json, imported_by, imported_at FROM district_key WHERE replaced_at IS NULL
                ORDER BY imported_at DESC""")
                .map((rs, ctx) -> new DistrictKey(PublicKeys.parse(rs.getString(1).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                        rs.getString(2), rs.getObject(3, OffsetDateTime.class)))
                .findFirst());
    }

    /** Reads a public key file without importing it (to show its fingerprint first). */
    public static PublicKeys read(byte[] file) {
        PublicKeys keys = PublicKeys.parse(file);
        if (!"dinas".equals(keys.kind())) {
            throw new BundleException("district.error.notDistrict");
        }
        return keys;
    }

    /**
     * Imports the district's public key (Administrator). The same key again changes nothing.
     *
     * @throws BundleException "district.error.other" when another key is in use and {@code replace} is false
     */
    public DistrictKey importKey(PublicKeys keys, boolean replace) {
        db.require("district.import");
        if (!"dinas".equals(keys.kind())) {
            throw new BundleException("district.error.notDistrict");
        }
        Optional<DistrictKey> now = current();
        if (now.isPresent() && now.get().keys().equals(keys)) {
            return now.get();
        }
        if (now.isPresent() && !replace) {
            throw new BundleException("district.error.other", now.get().keys().name(), now.get().fingerprint(),
                    keys.fingerprint());
        }
        OffsetDateTime at = OffsetDateTime.now(clock);
        String who = db.session().operator();
        UUID id = UUID.randomUUID();
        db.write("district.import", h -> {
            h.createUpdate("UPDATE district_key SET replaced_at = :at WHERE replaced_at IS NULL").bind("at", at).execute();
            h.createUpdate("""
                    INSERT INTO district_key (id, kode, nama, fingerprint, public_json, imported_by, imported_at)
                    VALUES (:id, :kode, :nama, :fp, :json, :by, :at)""")
                    .bind("id", id).bind("kode", keys.code()).bind("nama", keys.name()).bind("fp", keys.fingerprint())
                    .bind("json", new String(keys.toBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .bind("by", who).bind("at", at).execute();
            db.about("districtKey", id, now.isPresent() ? java.util.List.of("replaced", "fingerprint") : java.util.List.of("fingerprint"));
            return null;
        });
        return new DistrictKey(keys, who, at);
    }
}
