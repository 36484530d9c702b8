package id.berkasdesa.household;

import java.util.UUID;

/** One row of the household list. {@code kepala} is null while a KK has no active head. */
public record HouseholdSummary(UUID id, String noKk, String kepala, String alamat, String rt, String rw,
        String dusun, int jumlah, boolean sample) {
}
