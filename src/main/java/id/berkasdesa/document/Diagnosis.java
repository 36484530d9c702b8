package id.berkasdesa.document;

import id.berkasdesa.common.Keyed;

/**
 * The diagnosis category a faskes letter states. All but {@link #LAINNYA} are the categories the
 * reactivation guidance treats as urgent (gagal ginjal … ICU).
 */
public enum Diagnosis implements Keyed {
    GAGAL_GINJAL, KANKER, JANTUNG, HEMOFILIA, STROKE, THALASSEMIA, SIROSIS_HATI, IGD, DALAM_TINDAKAN, ICU, LAINNYA;

    @Override
    public String key() {
        return "document.diagnosis." + name();
    }
}
