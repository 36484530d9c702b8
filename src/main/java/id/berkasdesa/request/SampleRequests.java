package id.berkasdesa.request;

import id.berkasdesa.document.Diagnosis;
import id.berkasdesa.document.DocumentKind;
import id.berkasdesa.document.DocumentService;
import id.berkasdesa.document.SampleScans;
import id.berkasdesa.household.Household;
import id.berkasdesa.household.HouseholdSearch;
import id.berkasdesa.household.HouseholdService;
import id.berkasdesa.household.HouseholdSummary;
import id.berkasdesa.household.Member;
import java.io.ByteArrayInputStream;
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

    /**
     * Adds {@code count} requests ready to send (demo and bundle benchmark): for members without an
     * open request, each with {@code documentsPerRequest} of KTP, KK, SKTM and a faskes letter
     * (in that order; with fewer, the last ones: the faskes letter alone for one), as invented A4 "phone
     * photos" of ~0.5 MB upload copies, every one different. With fewer than four documents the
     * requests stay drafts under the default preset. {@code small}: a quarter of the size each way
     * (~30 KB), for benchmarks of thousands of requests rather than of bytes.
     *
     * @return how many were made (fewer when the store has too few members), and how many of them
     *         the rules found ready to send
     */
    public static Filled fillReady(RequestService requests, HouseholdService households, DocumentService documents,
            int count, int documentsPerRequest, boolean small, long seed, IntConsumer progress) {
        Random random = new Random(seed);
        List<UUID> ids = households.search(new HouseholdSearch("", null, null, null, Integer.MAX_VALUE)).stream()
                .map(HouseholdSummary::id).toList();
        LocalDate today = requests.today();
        List<DocumentKind> kinds = List.of(DocumentKind.KTP, DocumentKind.KK, DocumentKind.SKTM, DocumentKind.FASKES);
        int made = 0;
        int ready = 0;
        for (int i = 0; i < ids.size() && made < count; i++) {
            Household h = households.load(ids.get(i)).orElseThrow();
            Member m = h.members().stream().filter(x -> x.isActive() && x.nik() != null).findFirst().orElse(null);
            if (m == null || requests.forMember(m.id()).stream().anyMatch(r -> r.status().open())) {
                continue;
            }
            Diagnosis category = random.nextInt(5) == 0
                    ? RequestPolicy.URGENT_CHOICES.get(random.nextInt(RequestPolicy.URGENT_CHOICES.size())) : null;
            // fewer than four: the faskes letter first (the one every preset requires), then the SKTM …
            for (DocumentKind kind : kinds.subList(4 - Math.min(4, Math.max(0, documentsPerRequest)), 4)) {
                long scanSeed = seed * 1_000_003L + made * 4L + kind.ordinal();
                byte[] scan = small ? SampleScans.letterJpeg(310, 438, scanSeed) : SampleScans.letterJpeg(1240, 1754, scanSeed);
                documents.attachInputs(new DocumentService.Attach(h.id(), kind == DocumentKind.KK ? null : m.id(), kind, null,
                        today.minusDays(3), kind == DocumentKind.FASKES ? "Puskesmas Contoh" : null,
                        kind == DocumentKind.FASKES ? (category == null ? Diagnosis.LAINNYA : category) : null),
                        List.of(new DocumentService.Input(kind.name().toLowerCase() + ".jpg",
                                () -> new ByteArrayInputStream(scan))));
            }
            ReactivationRequest r = requests.create(h.id(), m.id(), new RequestForm(today.minusDays(1),
                    CheckChannel.MOBILE_JKN, null, today.minusDays(20 + random.nextInt(120)), Route.DESA,
                    "Kartu KIS nonaktif saat berobat", category, true, true));
            made++;
            if (r.status() == RequestStatus.SIAP_KIRIM) {
                ready++;
            }
            progress.accept(made);
        }
        return new Filled(made, ready);
    }

    /** What {@link #fillReady} made: requests in all, and those ready to send. */
    public record Filled(int made, int ready) {
    }
}
