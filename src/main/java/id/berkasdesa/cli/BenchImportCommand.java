package id.berkasdesa.cli;

import id.berkasdesa.household.Household;
import id.berkasdesa.household.Member;
import id.berkasdesa.household.SampleData;
import id.berkasdesa.imports.ImportService;
import id.berkasdesa.imports.RegisterExport;
import id.berkasdesa.pbi.PbiService;
import id.berkasdesa.village.SampleVillage;
import id.berkasdesa.village.VillageProfile;
import id.berkasdesa.wiring.Wiring;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code bench-import --to DIR}: on an empty data folder, writes an OpenSID file of synthetic
 * households (20,000 KK / 80,000 people by default) to DIR and times its preview, its import, the
 * same file imported again (nothing to change), and a PBI list of 5,000 rows matched and applied,
 * with the heap's peak for each step. Run it under {@code -Xmx256m}.
 */
@Command(name = "bench-import", description = "Ukur kecepatan impor data penduduk dan daftar PBI (folder data kosong).")
final class BenchImportCommand implements Callable<Integer> {

    @ParentCommand
    BerkasDesaCommand parent;

    @Option(names = "--to", required = true, description = "folder untuk berkas uji (OpenSID .xlsx, daftar PBI .xlsx)")
    Path to;

    @Option(names = "--households", defaultValue = "20000", description = "KK dalam berkas uji (bawaan: ${DEFAULT-VALUE}).")
    int households;

    @Option(names = "--pbi", defaultValue = "5000", description = "baris daftar PBI (bawaan: ${DEFAULT-VALUE}).")
    int pbiRows;

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
        if (s.households().count() > 0) {
            System.err.println("bench-import needs an empty data folder");
            return 64;
        }
        if (s.villages().profile().isEmpty()) {
            VillageProfile p = SampleVillage.PROFILE;
            s.villages().save(new VillageProfile(p.kodeDesa(), "DESA UKUR", "KANTOR DESA UKUR", "Operator", false));
        }
        Files.createDirectories(to);
        Path file = to.resolve("opensid-" + households + ".xlsx");
        long t0 = System.nanoTime();
        SampleData data = new SampleData(s.villages().profile().orElseThrow().kodeKecamatan(), 7, s.households().today());
        Map<String, Household> generated = new HashMap<>();
        List<String> niks = new ArrayList<>();
        String kecamatan = s.villages().profile().orElseThrow().kodeKecamatan().replace(".", "");
        int serial = 0;
        for (Household h : data.households(households)) {
            List<Member> members = new ArrayList<>(h.members().stream().filter(Member::isActive).toList());
            // four people a KK on average, as the 20,000 KK / 80,000 people: children added
            while (members.size() < 4) {
                Member head = members.get(0);
                LocalDate born = LocalDate.of(2010, 1, 1).plusDays(serial % 4000);
                boolean girl = serial % 2 == 1;
                String nik = kecamatan + String.format("%02d%02d%02d", born.getDayOfMonth() + (girl ? 40 : 0),
                        born.getMonthValue(), born.getYear() % 100) + String.format("%04d", 1 + (serial / 4000) % 9999);
                serial++;
                members.add(new Member(java.util.UUID.randomUUID(), nik, false, "ANAK " + serial + " " + head.nama(),
                        girl ? id.berkasdesa.adminduk.Sex.P : id.berkasdesa.adminduk.Sex.L, head.tempatLahir(), born,
                        head.agama(), 1, 3, 1, id.berkasdesa.household.CodeList.SHDK_ANAK, 1, head.nama(), "IBU " + head.nama(),
                        id.berkasdesa.household.MemberStatus.AKTIF, null));
            }
            Household real = new Household(h.id(), h.noKk(), h.alamat(), h.rt(), h.rw(), h.dusun(), h.kodePos(), false, members);
            generated.put(real.noKk(), real);
            real.members().stream().map(Member::nik).filter(n -> n != null).forEach(niks::add);
        }
        RegisterExport.write(generated, file, p -> { });
        int people = generated.values().stream().mapToInt(h -> h.members().size()).sum();
        generated = null;
        print("file", Map.of("households", households, "members", people, "megabytes", Files.size(file) / 1e6,
                "seconds", secs(t0)));

        ImportService imports = s.imports();
        resetPeak();
        t0 = System.nanoTime();
        ImportService.Preview preview = imports.preview(file, Optional.empty(), Optional.empty(), p -> { });
        print("preview", figures(t0, preview));
        resetPeak();
        t0 = System.nanoTime();
        ImportService.Applied applied = imports.apply(preview, Set.of(), p -> { });
        print("import", figures(t0, applied.plan(), preview));
        preview = null;
        applied = null;
        resetPeak();
        t0 = System.nanoTime();
        ImportService.Preview again = imports.preview(file, Optional.empty(), Optional.empty(), p -> { });
        ImportService.Applied none = imports.apply(again, Set.of(), p -> { });
        print("reimport", figures(t0, none.plan(), again));
        again = null;

        Path list = to.resolve("pbi-" + pbiRows + ".xlsx");
        writePbiList(list, niks);
        PbiService pbi = s.pbi();
        resetPeak();
        t0 = System.nanoTime();
        PbiService.Preview pp = pbi.preview(list, Optional.empty(), id.berkasdesa.pbi.PbiList.Columns.NONE, null);
        PbiService.Applied pa = pbi.apply(pp);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("rows", pp.rows());
        f.put("matched", pp.matched().size());
        f.put("unmatched", pp.unmatched().size());
        f.put("marked", pa.marked());
        f.put("seconds", secs(t0));
        f.put("heap_peak_mb", peakMb());
        print("pbi", f);
        f = new LinkedHashMap<>();
        t0 = System.nanoTime();
        f.put("candidates", pbi.candidates().list().size());
        f.put("seconds", secs(t0));
        print("candidates", f);
        return 0;
    }

    /** The list as a Dinas Sosial might send it: a title row, then NIK, NAMA, NO KK, TANGGAL NONAKTIF; a fifth unmatched. */
    private void writePbiList(Path list, List<String> niks) throws Exception {
        try (var out = Files.newOutputStream(list)) {
            Workbook wb = new Workbook(out, "Dinas Sosial", null);
            Worksheet ws = wb.newWorksheet("BNBA");
            ws.value(0, 0, "DAFTAR PBI-JK NONAKTIF");
            List<String> header = List.of("NO", "NOMOR NIK", "NAMA LENGKAP", "NOMOR KK", "TGL PENONAKTIFAN");
            for (int c = 0; c < header.size(); c++) {
                ws.value(2, c, header.get(c));
            }
            LocalDate deleted = LocalDate.now().minusMonths(2);
            for (int i = 0; i < pbiRows; i++) {
                String nik = i % 5 == 4 ? "3201019" + String.format("%09d", 100_000 + i) : niks.get((i * 13) % niks.size());
                ws.value(3 + i, 0, i + 1);
                ws.value(3 + i, 1, nik);
                ws.value(3 + i, 2, "NAMA " + i);
                ws.value(3 + i, 3, "");
                ws.value(3 + i, 4, deleted.format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy")));
            }
            wb.finish();
        }
    }

    private Map<String, Object> figures(long t0, ImportService.Preview p) {
        return figures(t0, p.plan(), p);
    }

    private Map<String, Object> figures(long t0, id.berkasdesa.imports.PopulationPlan plan, ImportService.Preview p) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("seconds", secs(t0));
        f.put("heap_peak_mb", peakMb());
        f.put("households_new", plan.households().created());
        f.put("households_changed", plan.households().changed());
        f.put("households_unchanged", plan.households().unchanged());
        f.put("members_new", plan.members().created());
        f.put("errors", plan.errors());
        f.put("warnings", plan.warnings());
        return f;
    }

    private static double secs(long t0) {
        return Math.round((System.nanoTime() - t0) / 1e7) / 100.0;
    }

    private BenchBundleCommand.HeapSampler heap;

    /** A fresh sampler of the heap for the next phase (after a collection, so it starts from what is live). */
    private void resetPeak() {
        if (heap != null) {
            heap.stop();
        }
        System.gc();
        heap = new BenchBundleCommand.HeapSampler();
    }

    private long peakMb() {
        return heap.peak >> 20;
    }

    private static void print(String phase, Map<String, ?> figures) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("phase", phase);
        out.putAll(figures);
        System.out.println(Json.line(out));
    }
}
