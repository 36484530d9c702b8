package id.berkasdesa.cli;

import id.berkasdesa.document.Document;
import id.berkasdesa.document.DocumentKind;
import id.berkasdesa.document.DocumentService;
import id.berkasdesa.document.SampleScans;
import id.berkasdesa.household.Household;
import id.berkasdesa.household.HouseholdSearch;
import id.berkasdesa.household.HouseholdService;
import id.berkasdesa.household.HouseholdSummary;
import id.berkasdesa.household.Member;
import id.berkasdesa.request.RequestFilter;
import id.berkasdesa.request.RequestService;
import id.berkasdesa.wiring.Wiring;
import id.berkasdesa.request.RequestStatus;
import id.berkasdesa.request.RequestSummary;
import id.berkasdesa.request.Route;
import id.berkasdesa.request.SampleRequests;
import id.berkasdesa.village.SampleVillage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code bench}: how fast the register is on this PC. Fills an empty data folder with synthetic
 * households first, then times searches, opening a household and a durable save, after warm-up.
 */
@Command(name = "bench", description = "Ukur kecepatan pencarian, penyimpanan dan lampiran foto di PC ini (mengisi folder data kosong dengan data contoh).")
final class BenchCommand implements Callable<Integer> {

    @ParentCommand
    BerkasDesaCommand parent;

    @Option(names = "--households", defaultValue = "20000", description = "KK contoh bila folder kosong (bawaan: ${DEFAULT-VALUE}).")
    int households;

    @Option(names = "--rounds", defaultValue = "200", description = "Ulangan per ukuran (bawaan: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--requests", defaultValue = "2000",
            description = "Usulan contoh bila belum sebanyak ini (bawaan: ${DEFAULT-VALUE}).")
    int requests;

    @Option(names = "--documents", defaultValue = "1000",
            description = "Dokumen contoh yang dilampirkan sebelum mengukur pencarian (bawaan: ${DEFAULT-VALUE}).")
    int documents;

    @Override
    public Integer call() {
        return StoreCommand.runCreatingAdministrator(parent, s -> {
            try {
                return bench(s);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private int bench(Wiring s) throws Exception {
        if (s.households().count() == 0) {
            long start = System.nanoTime();
            SampleVillage.fill(s.villages(), s.households(), households, 1, p -> { });
            print("fill_store", Map.of("households", households, "seconds", (System.nanoTime() - start) / 1e9));
        }
        benchPhoto(s.households(), s.documents());
        fillDocuments(s.households(), s.documents());
        fillRequests(s.requests(), s.households());
        run(s.households());
        runRequests(s.requests());
        return 0;
    }

    private void run(HouseholdService service) {
        Random random = new Random(42);
        List<HouseholdSummary> all = service.search(new HouseholdSearch("", null, null, null, Integer.MAX_VALUE));
        List<UUID> ids = all.stream().map(HouseholdSummary::id).toList();
        List<Household> sample = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            sample.add(service.load(ids.get(random.nextInt(ids.size()))).orElseThrow());
        }
        List<String> niks = sample.stream().flatMap(h -> h.members().stream()).map(Member::nik)
                .filter(n -> n != null).toList();
        List<String> names = sample.stream().flatMap(h -> h.members().stream()).map(Member::nama).toList();

        measure("search_nik_prefix", i -> {
            String nik = niks.get(random.nextInt(niks.size()));
            service.search(HouseholdSearch.text(nik.substring(0, 10 + random.nextInt(7))));
        });
        measure("search_no_kk", i -> service.search(HouseholdSearch.text(sample.get(random.nextInt(sample.size())).noKk())));
        measure("search_name_fragment", i -> {
            String name = names.get(random.nextInt(names.size()));
            int from = random.nextInt(Math.max(1, name.length() - 4));
            service.search(HouseholdSearch.text(name.substring(from, Math.min(name.length(), from + 4))));
        });
        measure("list_first_page", i -> service.search(HouseholdSearch.all()));
        measure("open_household", i -> service.load(ids.get(random.nextInt(ids.size()))));
        measure("save_household", i -> {
            Household h = sample.get(i % sample.size());
            Household changed = new Household(h.id(), h.noKk(), "JL. CONTOH UBAH NO. " + i, h.rt(), h.rw(),
                    h.dusun(), h.kodePos(), h.sample(), h.members());
            if (!service.save(changed, true).saved()) {
                throw new IllegalStateException("bench save refused");
            }
        });
        System.gc();
        Runtime rt = Runtime.getRuntime();
        print("heap_used_after_gc", Map.of("mb", (rt.totalMemory() - rt.freeMemory()) / (1024.0 * 1024.0),
                "households", ids.size()));
    }

    /**
     * A 12-megapixel phone photo (4000 × 3000) attached ten times: time from the file to its stored
     * upload copy (read, hash, check, copy, durable row), median of 10. The last copy is written to
     * {@code bench-salinan.jpg} in the data folder, to look at.
     */
    private void benchPhoto(HouseholdService households, DocumentService docs) throws Exception {
        Path photo = parent.dataDir().resolve("bench-foto-12mp.jpg");
        Files.write(photo, SampleScans.letterJpeg(4000, 3000, 7));
        Household h = households.load(households.search(HouseholdSearch.all()).get(0).id()).orElseThrow();
        DocumentService.Attach attach = new DocumentService.Attach(h.id(), h.members().get(0).id(), DocumentKind.LAINNYA,
                "BENCH", docs.today(), null, null);
        docs.attach(attach, List.of(photo)); // warm-up
        double[] ms = new double[10];
        Document last = null;
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            last = docs.attach(attach, List.of(photo));
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        Files.write(parent.dataDir().resolve("bench-salinan.jpg"), docs.copyBytes(last));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("median_ms", round(ms[ms.length / 2]));
        out.put("max_ms", round(ms[ms.length - 1]));
        out.put("original_bytes", Files.size(photo));
        out.put("copy_bytes", last.copySize());
        out.put("copy", parent.dataDir().resolve("bench-salinan.jpg").toString());
        print("photo_12mp_to_upload_copy", out);
    }

    /** Adds sample requests (every status, a year of them) until the store holds {@code requests}. */
    private void fillRequests(RequestService service, HouseholdService households) {
        int have = service.count();
        if (have >= requests) {
            return;
        }
        long start = System.nanoTime();
        SampleRequests.fill(service, households, requests - have, 5 + have, n -> { });
        print("fill_requests", Map.of("requests", service.count(), "seconds", (System.nanoTime() - start) / 1e9));
    }

    /**
     * The home screen's numbers (all of them, as the dashboard reads them) and the request list with
     * each kind of filter the list offers, searched as the operator types.
     */
    private void runRequests(RequestService service) {
        Random random = new Random(7);
        List<RequestSummary> all = service.search(RequestFilter.all().withLimit(Integer.MAX_VALUE));
        List<RequestFilter> filters = new ArrayList<>();
        for (RequestStatus s : RequestStatus.values()) {
            filters.add(RequestFilter.all().withStatuses(Set.of(s)));
        }
        filters.add(RequestFilter.all().withUrgent(true));
        filters.add(RequestFilter.all().withRoute(Route.DINSOS));
        filters.add(RequestFilter.all().withView(RequestFilter.View.DEADLINE_SOON));
        filters.add(RequestFilter.all().withView(RequestFilter.View.FOLLOW_UP_DUE));
        List<String> rts = service.filters().rt();
        for (String rt : rts.subList(0, Math.min(5, rts.size()))) {
            filters.add(RequestFilter.all().withArea(rt, null));
        }
        filters.add(RequestFilter.all());
        measure("dashboard", i -> service.dashboard());
        measure("request_list_filter", i -> service.search(filters.get(random.nextInt(filters.size()))));
        measure("request_list_search", i -> {
            RequestSummary r = all.get(random.nextInt(all.size()));
            String text = switch (i % 3) {
                case 0 -> r.nik().substring(0, 8 + random.nextInt(8));
                case 1 -> r.noKk();
                default -> r.nama().substring(0, Math.min(4, r.nama().length()));
            };
            service.search(RequestFilter.all().withText(text));
        });
        long t = System.nanoTime();
        int changed = service.reevaluatePreparing().size();
        print("reevaluate_at_start", Map.of("ms", round((System.nanoTime() - t) / 1e6), "changed", changed));
        t = System.nanoTime();
        changed = service.reevaluateOpen().size();
        print("reevaluate_all_open", Map.of("ms", round((System.nanoTime() - t) / 1e6), "changed", changed));
        print("requests_in_store", Map.of("requests", all.size()));
    }

    /** Attaches small scans to random members until the store holds {@code documents} of them. */
    private void fillDocuments(HouseholdService households, DocumentService docs) {
        int have = docs.count();
        if (have >= documents) {
            return;
        }
        Random random = new Random(11);
        List<UUID> ids = households.search(new HouseholdSearch("", null, null, null, Integer.MAX_VALUE)).stream()
                .map(HouseholdSummary::id).toList();
        long start = System.nanoTime();
        for (int i = have; i < documents; i++) {
            Household h = households.load(ids.get(random.nextInt(ids.size()))).orElseThrow();
            byte[] scan = SampleScans.letterJpeg(800, 600, i);
            docs.attachInputs(new DocumentService.Attach(h.id(), h.members().get(0).id(), DocumentKind.KTP, null,
                    docs.today(), null, null), List.of(new DocumentService.Input("ktp.jpg", () -> new ByteArrayInputStream(scan))));
        }
        print("fill_documents", Map.of("documents", docs.count(), "seconds", (System.nanoTime() - start) / 1e9));
    }

    private void measure(String name, IntConsumer action) {
        int warmup = Math.max(20, rounds / 2);
        for (int i = 0; i < warmup; i++) {
            action.accept(i);
        }
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            action.accept(warmup + i);
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        out.put("median_ms", round(ms[ms.length / 2]));
        out.put("p95_ms", round(ms[(int) Math.ceil(ms.length * 0.95) - 1]));
        out.put("rounds", rounds);
        System.out.println(Json.line(out));
    }

    static void print(String name, Map<String, Object> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        out.putAll(values);
        System.out.println(Json.line(out));
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
