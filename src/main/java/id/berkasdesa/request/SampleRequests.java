package id.berkasdesa.request;

import id.berkasdesa.document.Diagnosis;
import id.berkasdesa.household.Household;
import id.berkasdesa.household.HouseholdSearch;
import id.berkasdesa.household.HouseholdService;
import id.berkasdesa.household.HouseholdSummary;
import id.berkasdesa.household.Member;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntConsumer;

/**
 * Synthetic requests for the sample village, the demo and the benchmark: made over the last twelve
 * months, in every status, some urgent, for random members of the store's households.
 */
public final class SampleRequests {

    private static final List<List<RequestStatus>> PATHS = List.of(
            List.of(), List.of(), List.of(),
            List.of(RequestStatus.TERKIRIM),
            List.of(RequestStatus.TERKIRIM, RequestStatus.DISETUJUI),
            List.of(RequestStatus.TERKIRIM, RequestStatus.DITOLAK),
            List.of(RequestStatus.TERKIRIM, RequestStatus.DISETUJUI, RequestStatus.AKTIF_KEMBALI),
            List.of(RequestStatus.TERKIRIM, RequestStatus.DISETUJUI, RequestStatus.AKTIF_KEMBALI),
            List.of(RequestStatus.TERKIRIM, RequestStatus.DISETUJUI, RequestStatus.GAGAL));

    private SampleRequests() {
    }

    /** Adds {@code count} requests; {@code progress} is told how many are done. */
    public static void fill(RequestService requests, HouseholdService households, int count, long seed,
            IntConsumer progress) {
        Random random = new Random(seed);
        List<UUID> ids = households.search(new HouseholdSearch("", null, null, null, Integer.MAX_VALUE)).stream()
                .map(HouseholdSummary::id).toList();
        if (ids.isEmpty()) {
            return;
        }
        LocalDate today = requests.today();
        ZoneId zone = ZoneId.systemDefault();
        int made = 0;
        int attempts = 0;
        while (made < count && attempts++ < count * 5) {
            Household h = households.load(ids.get(random.nextInt(ids.size()))).orElseThrow();
            List<Member> candidates = h.members().stream().filter(m -> m.isActive() && m.nik() != null).toList();
            if (candidates.isEmpty()) {
                continue;
            }
            Member m = candidates.get(random.nextInt(candidates.size()));
            if (requests.forMember(m.id()).stream().anyMatch(r -> r.status().open())) {
                continue;
            }
            int daysAgo = random.nextInt(360);
            LocalDate made0 = today.minusDays(daysAgo);
            // drafts are recent; older requests have been sent and answered
            List<RequestStatus> path = daysAgo < 45 ? List.of() : PATHS.get(3 + random.nextInt(PATHS.size() - 3));
            Diagnosis category = random.nextInt(4) == 0
                    ? RequestPolicy.URGENT_CHOICES.get(random.nextInt(RequestPolicy.URGENT_CHOICES.size())) : null;
            RequestForm form = new RequestForm(made0.minusDays(random.nextInt(5)),
                    CheckChannel.values()[random.nextInt(CheckChannel.values().length)],
                    null, made0.minusDays(10 + random.nextInt(170)), random.nextInt(5) == 0 ? Route.DINSOS : Route.DESA,
                    "Kartu KIS nonaktif saat berobat", category, random.nextInt(6) != 0, random.nextInt(8) != 0);
            OffsetDateTime created = made0.atTime(8 + random.nextInt(8), random.nextInt(60)).atZone(zone).toOffsetDateTime();
            requests.sample(h.id(), m.id(), form, created, path);
            made++;
            progress.accept(made);
        }
    }
}
