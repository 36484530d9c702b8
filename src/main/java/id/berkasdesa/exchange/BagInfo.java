package id.berkasdesa.exchange;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code bag-info.txt} of a village's bundle: the BagIt labels it writes, and ours (Kode-Desa,
 * Jumlah-Usulan, Audit-Head, the keys' fingerprints, the marks for sample data and for a plain
 * bundle). Bagging-Date and Payload-Oxum are the bag writer's own. Read back from any bag, a label
 * missing is empty, never an error: the district checks what it needs.
 */
public record BagInfo(String sourceOrganization, String contactName, String auditHead, String externalIdentifier,
        String externalDescription, String softwareAgent, String kodeDesa, String jumlahUsulan, String dataContoh,
        String perlindungan, String kunciDesa, String kunciDinas) {

    /** The labels in the order they are written (a null value is left out). */
    public Map<String, String> labels() {
        Map<String, String> info = new LinkedHashMap<>();
        put(info, "Source-Organization", sourceOrganization);
        put(info, "Contact-Name", contactName);
        put(info, "Audit-Head", auditHead);
        put(info, "External-Identifier", externalIdentifier);
        put(info, "External-Description", externalDescription);
        put(info, "Bag-Software-Agent", softwareAgent);
        put(info, "Kode-Desa", kodeDesa);
        put(info, "Jumlah-Usulan", jumlahUsulan);
        put(info, "Data-Contoh", dataContoh);
        put(info, "Perlindungan", perlindungan);
        put(info, "Kunci-Desa", kunciDesa);
        put(info, "Kunci-Dinas", kunciDinas);
        return info;
    }

    /** The labels a bag's {@code bag-info.txt} holds (the first of a label given twice). */
    public static BagInfo of(Map<String, String> labels) {
        return new BagInfo(labels.get("Source-Organization"), labels.get("Contact-Name"), labels.get("Audit-Head"),
                labels.get("External-Identifier"), labels.get("External-Description"), labels.get("Bag-Software-Agent"),
                labels.get("Kode-Desa"), labels.get("Jumlah-Usulan"), labels.get("Data-Contoh"), labels.get("Perlindungan"),
                labels.get("Kunci-Desa"), labels.get("Kunci-Dinas"));
    }


    private static void put(Map<String, String> info, String label, String value) {
        if (value != null) {
            info.put(label, value);
        }
    }
}
