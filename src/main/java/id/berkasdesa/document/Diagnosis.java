package id.berkasdesa.document;

/**
 * The diagnosis category a faskes letter states. All but {@link #LAINNYA} are the categories the
 * reactivation guidance treats as urgent (gagal ginjal … ICU).
 */
public enum Diagnosis {
    GAGAL_GINJAL, KANKER, JANTUNG, HEMOFILIA, STROKE, THALASSEMIA, SIROSIS_HATI, IGD, DALAM_TINDAKAN, ICU, LAINNYA;

    public String key() {
        return "document.diagnosis." + name();
    }
}
