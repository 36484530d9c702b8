package id.berkasdesa.village;

import id.berkasdesa.household.HouseholdService;
import id.berkasdesa.household.SampleData;
import java.util.function.DoubleConsumer;

/**
 * "Coba dengan data contoh": a clearly invented village, "Desa Contoh", whose numbers are issued in
 * a real kecamatan (Cibinong, 32.01.01) so that they pass the NIK rules, and whose village code
 * (…9999) exists nowhere.
 */
public final class SampleVillage {

    public static final VillageProfile PROFILE = new VillageProfile("32.01.01.9999", "DESA CONTOH (FIKTIF)",
            "Kantor Desa Contoh", "Operator Contoh", true, "KEPALA DESA CONTOH");
    public static final int DEFAULT_HOUSEHOLDS = 300;
    private static final int BATCH = 500;

    private SampleVillage() {
    }

    /**
     * "Mulai dengan data desa sebenarnya": deletes the sample households, then the sample profile,
     * each in its own durable transaction. Interrupted between the two (a power cut), the app starts
     * on the sample profile with no households, and running this again finishes the job.
     */
    public static void clear(VillageService villages, HouseholdService households) {
        households.deleteSample();
        villages.deleteSampleProfile();
    }

    /**
     * Records the sample profile unless a village is already set, then adds {@code households}
     * synthetic households, one durable transaction per batch.
     *
     * @param progress told the fraction done after each batch
     */
    public static void fill(VillageService villages, HouseholdService households, int count, long seed,
            DoubleConsumer progress) {
        if (villages.profile().isEmpty()) {
            villages.save(PROFILE);
        }
        String kecamatan = villages.profile().orElseThrow().kodeKecamatan();
        SampleData data = new SampleData(kecamatan, seed, households.today());
        for (int done = 0; done < count; done += BATCH) {
            households.saveBatch(data.households(Math.min(BATCH, count - done)));
            progress.accept(Math.min(1.0, (done + BATCH) / (double) count));
        }
    }
}
