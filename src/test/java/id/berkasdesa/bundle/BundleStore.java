package id.berkasdesa.bundle;

import id.berkasdesa.exchange.District;

import id.berkasdesa.exchange.Progress;

import static id.berkasdesa.household.Households.WILAYAH;

import id.berkasdesa.db.Database;
import id.berkasdesa.document.Diagnosis;
import id.berkasdesa.document.DocumentKind;
import id.berkasdesa.document.DocumentService;
import id.berkasdesa.document.TestFiles;
import id.berkasdesa.household.Household;
import id.berkasdesa.household.HouseholdService;
import id.berkasdesa.household.Households;
import id.berkasdesa.request.CheckChannel;
import id.berkasdesa.request.ReactivationRequest;
import id.berkasdesa.request.RequestForm;
import id.berkasdesa.request.RequestService;
import id.berkasdesa.request.RequestStatus;
import id.berkasdesa.request.Route;
import id.berkasdesa.wiring.Wiring;
import id.berkasdesa.village.VillageProfile;
import id.berkasdesa.village.VillageService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A real store in a temp folder with a village and ready requests, each with KTP, KK, SKTM and a faskes letter. */
public final class BundleStore implements AutoCloseable {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    static final VillageProfile VILLAGE = new VillageProfile("32.01.01.1001", "Pondok Rajeg", "Kantor Desa Pondok Rajeg",
            "Rina Operator", false);

    final Clock clock;
    final LocalDate today;
    final Wiring wiring;
    final Database db;
    final HouseholdService households;
    final VillageService villages;
    final DocumentService documents;
    final RequestService requests;
    final BundleService bundles;
    final ResponseService responses;
    public final List<UUID> ready = new ArrayList<>();
    private final Path scratch;

    BundleStore(Path dir, Path scratch, int readyRequests) {
        this(dir, scratch, readyRequests, Clock.fixed(TODAY.atTime(10, 30).atZone(JAKARTA).toInstant(), JAKARTA));
    }

    /** With the given clock (a UI test uses the system's: the app re-checks the requests on its own clock). */
    public BundleStore(Path dir, Path scratch, int readyRequests, Clock clock) {
        this(dir, scratch, clock, VILLAGE, firstSeeds(readyRequests));
    }

    private static int[] firstSeeds(int n) {
        int[] seeds = new int[n];
        for (int i = 0; i < n; i++) {
            seeds[i] = i + 1;
        }
        return seeds;
    }

    /**
     * Another village (the district's tests merge several), with ready requests for the families of
     * {@code seeds}: the same seed in two villages is the same family, the same NIK. Seed 1's request
     * is urgent (dialysis).
     */
    public BundleStore(Path dir, Path scratch, Clock clock, VillageProfile village, int... seeds) {
        this.clock = clock;
        this.scratch = scratch;
        this.today = LocalDate.now(clock);
        wiring = Wiring.open(dir, clock);
        db = wiring.db();
        households = wiring.households();
        villages = wiring.villages();
        villages.save(village);
        wiring.actAsVillageOperator();
        documents = wiring.documents();
        requests = wiring.requests();
        bundles = wiring.bundles();
        responses = wiring.responses();
        for (int seed : seeds) {
            ready.add(readyRequest(seed, scratch, seed == 1 ? Diagnosis.GAGAL_GINJAL : null));
        }
    }

    /**
     * For the window's tests: a store in {@code dir} with two ready requests and a Dinas Sosial key;
     * its protected bundle written to {@code stick}, and the district's signed answer (both approved)
     * beside it. @return the bundle and the answer
     */
    public static List<Path> sealedExchange(Path dir, Path scratch, Path stick, Clock clock) {
        id.berkasdesa.keys.KeyPair district = id.berkasdesa.keys.KeyPair.generate("dinas", "32.01",
                "Dinas Sosial Kabupaten Bogor");
        try (BundleStore store = new BundleStore(dir, scratch, 2, clock)) {
            store.wiring.districtKeys().importKey(district.publicKeys(), false);
            Path bundle = store.bundles.export(store.ready, stick, false, Progress.none()).file();
            Path xlsx = scratch.resolve("keputusan.xlsx");
            List<List<String>> rows = new ArrayList<>();
            store.ready.forEach(id -> rows.add(List.of(id.toString(), "32.01.01.1001", "Disetujui", "Data cocok")));
            writeResponse(xlsx, List.of("ID Usulan", "Kode Desa", "Keputusan", "Alasan"), rows);
            Path answer = District.signResponse(xlsx, bundle, district, stick.resolve("balasan_" + bundle.getFileName()));
            return List.of(bundle, answer);
        }
    }

    /** One more ready request, for family {@code seed}. */
    public UUID readyRequest(int seed) {
        return readyRequest(seed, scratch, null);
    }

    UUID readyRequest(int seed, Path scratch, Diagnosis urgent) {
        Household family = documentedFamily(seed, scratch, urgent);
        UUID member = family.members().get(0).id();
        ReactivationRequest r = requests.create(family.id(), member, new RequestForm(today.minusDays(1),
                CheckChannel.MOBILE_JKN, "0001234567890", today.minusMonths(2), Route.DESA, "Kartu nonaktif saat berobat",
                urgent, true, true));
        if (r.status() != RequestStatus.SIAP_KIRIM) {
            throw new IllegalStateException("fixture request not ready: " + r.status());
        }
        return r.id();
    }

    /**
     * A request sent a month before its 6-month limit, on this store's clock: once that clock is two
     * months back, the request is sent and its limit has passed today.
     */
    public UUID sentOneMonthBeforeItsLimit(int seed, Path scratch) {
        Household family = documentedFamily(seed, scratch, null);
        ReactivationRequest r = requests.create(family.id(), family.members().get(0).id(), new RequestForm(today.minusDays(1),
                CheckChannel.MOBILE_JKN, "0001234567890", today.minusMonths(5), Route.DESA, "Kartu nonaktif saat berobat",
                null, true, true));
        if (r.status() != RequestStatus.SIAP_KIRIM) {
            throw new IllegalStateException("fixture request not ready: " + r.status());
        }
        bundles.export(List.of(r.id()), scratch, Progress.none());
        return r.id();
    }

    /** The store's services, as the one wiring built them. */
    public Wiring services() {
        return wiring;
    }

    /** The village becomes the invented sample village of "Coba dengan data contoh". */
    public void markSample() {
        villages.save(new VillageProfile(VILLAGE.kodeDesa(), VILLAGE.namaDesa(), VILLAGE.namaKantor(),
                VILLAGE.namaOperator(), true));
        wiring.actAsVillageOperator();
    }

    /** A saved family whose head has KTP, SKTM and a faskes letter and whose KK is attached; no request yet. */
    public Household documentedFamily(int seed, Path scratch, Diagnosis urgent) {
        Household family = Households.family(seed);
        households.save(family, true);
        UUID member = family.members().get(0).id();
        attach(family, member, DocumentKind.KTP, scratch, seed, null);
        attach(family, null, DocumentKind.KK, scratch, seed, null);
        attach(family, member, DocumentKind.SKTM, scratch, seed, null);
        attach(family, member, DocumentKind.FASKES, scratch, seed, urgent == null ? Diagnosis.LAINNYA : urgent);
        return family;
    }

    private void attach(Household family, UUID owner, DocumentKind kind, Path scratch, int seed, Diagnosis diagnosis) {
        Path scan = TestFiles.jpeg(scratch.resolve(UUID.randomUUID() + ".jpg"), 300, 200, seed * 10L + kind.ordinal());
        documents.attach(new DocumentService.Attach(family.id(), owner, kind, null, today.minusDays(5),
                kind == DocumentKind.FASKES ? "Puskesmas Cibinong" : null, diagnosis), List.of(scan));
    }

    RequestStatus status(UUID id) {
        return requests.find(id).orElseThrow().status();
    }

    @Override
    public void close() {
        wiring.close();
    }

    /**
     * The Dinas Sosial's answer as an officer saves it from a spreadsheet: sheet "Usulan", the given
     * header, one row per answer, every cell text.
     */
    public static void writeResponse(Path file, List<String> header, List<List<String>> rows) {
        try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(file)) {
            org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(out, "Dinsos", null);
            org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet("Usulan");
            for (int c = 0; c < header.size(); c++) {
                ws.value(0, c, header.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                for (int c = 0; c < rows.get(r).size(); c++) {
                    ws.value(r + 1, c, rows.get(r).get(c));
                }
            }
            wb.finish();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
