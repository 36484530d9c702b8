package id.berkasdesa.cli;

import id.berkasdesa.household.Household;
import id.berkasdesa.household.HouseholdSearch;
import id.berkasdesa.household.HouseholdService;
import id.berkasdesa.household.HouseholdSummary;
import id.berkasdesa.household.Member;
import id.berkasdesa.village.SampleVillage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
@Command(name = "bench", description = "Ukur kecepatan pencarian dan penyimpanan di PC ini (mengisi folder data kosong dengan data contoh).")
final class BenchCommand implements Callable<Integer> {

    @ParentCommand
    BerkasDesaCommand parent;

    @Option(names = "--households", defaultValue = "20000", description = "KK contoh bila folder kosong (bawaan: ${DEFAULT-VALUE}).")
    int households;

    @Option(names = "--rounds", defaultValue = "200", description = "Ulangan per ukuran (bawaan: ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() {
        return StoreCommand.run(parent.dataDir(), s -> {
            if (s.households().count() == 0) {
                long start = System.nanoTime();
                SampleVillage.fill(s.villages(), s.households(), households, 1, p -> { });
                print("fill_store", Map.of("households", households, "seconds", (System.nanoTime() - start) / 1e9));
            }
            run(s.households());
            return 0;
        });
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

    private static void print(String name, Map<String, Object> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", name);
        out.putAll(values);
        System.out.println(Json.line(out));
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
