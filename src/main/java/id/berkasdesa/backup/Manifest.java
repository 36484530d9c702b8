package id.berkasdesa.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a backup holds, readable without its key (nothing personal: versions, the village, counts,
 * the audit chain's head, each part's size and checksum); authenticated by {@code manifest.mac}.
 * Schema {@code berkas-desa/cadangan} version 1, see {@code docs/cadangan.md}.
 *
 * @param villageLabel the village as the store's key file names it ("desa — kantor")
 * @param missingDocuments documents the store named but did not hold when the backup was made
 */
public record Manifest(int format, String app, int schema, String engine, String dbForm, String villageCode,
        String villageName, String villageLabel, String storeId, Instant made, SortedMap<String, Long> counts,
        long auditEntries, String auditHead, int missingDocuments, List<Part> parts) {

    static final String SCHEMA = "berkas-desa/cadangan";
    static final int FORMAT = 1;
    /** The database's form: H2's SCRIPT, statement by statement, deflated and encrypted by us. */
    static final String DB_FORM = "h2-script-v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One stored part: its name inside the backup, its size and SHA-256 as stored (encrypted). */
    public record Part(String name, long size, String sha256) {
    }

    /** The document files it holds: their names in the store, with the SHA-256 of their sealed bytes. */
    public java.util.Map<String, String> sealedDocuments() {
        java.util.Map<String, String> documents = new java.util.LinkedHashMap<>();
        parts.stream().filter(p -> p.name().startsWith(BackupFile.DOCUMENTS))
                .forEach(p -> documents.put(p.name().substring(BackupFile.DOCUMENTS.length()), p.sha256()));
        return documents;
    }

    byte[] toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("schema", SCHEMA);
        o.put("versi", format);
        o.put("aplikasi", app);
        o.put("skema", schema);
        o.put("h2", engine);
        o.put("bentukBasisData", dbForm);
        ObjectNode desa = o.putObject("desa");
        desa.put("kode", villageCode);
        desa.put("nama", villageName);
        desa.put("label", villageLabel);
        o.put("idPenyimpanan", storeId);
        o.put("dibuat", made.toString());
        ObjectNode c = o.putObject("jumlahBaris");
        counts.forEach(c::put);
        ObjectNode a = o.putObject("jejakAudit");
        a.put("entri", auditEntries);
        a.put("kepala", auditHead);
        o.put("dokumenHilang", missingDocuments);
        ArrayNode ps = o.putArray("bagian");
        for (Part p : parts) {
            ps.addObject().put("nama", p.name()).put("ukuran", p.size()).put("sha256", p.sha256());
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @throws BackupException "backup.error.notBackup" for anything that is not a manifest of ours */
    static Manifest parse(byte[] json, String fileName) {
        try {
            JsonNode o = JSON.readTree(json);
            if (o == null || !SCHEMA.equals(o.path("schema").asText())) {
                throw new BackupException("backup.error.notBackup", fileName);
            }
            SortedMap<String, Long> counts = new TreeMap<>();
            o.path("jumlahBaris").fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
            List<Part> parts = new ArrayList<>();
            for (JsonNode p : o.path("bagian")) {
                parts.add(new Part(text(p, "nama"), p.path("ukuran").asLong(-1), text(p, "sha256")));
            }
            JsonNode desa = o.path("desa");
            return new Manifest(o.path("versi").asInt(-1), text(o, "aplikasi"), o.path("skema").asInt(-1), text(o, "h2"),
                    text(o, "bentukBasisData"), text(desa, "kode"), text(desa, "nama"), desa.path("label").asText(""),
                    text(o, "idPenyimpanan"), Instant.parse(text(o, "dibuat")), counts,
                    o.path("jejakAudit").path("entri").asLong(-1), o.path("jejakAudit").path("kepala").asText(""),
                    o.path("dokumenHilang").asInt(0), List.copyOf(parts));
        } catch (IOException | RuntimeException e) {
            if (e instanceof BackupException b) {
                throw b;
            }
            throw new BackupException("backup.error.notBackup", e, fileName);
        }
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return v.asText();
    }
}
