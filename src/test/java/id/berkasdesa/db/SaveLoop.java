package id.berkasdesa.db;

import id.berkasdesa.household.Household;
import id.berkasdesa.household.HouseholdSearch;
import id.berkasdesa.household.HouseholdService;
import id.berkasdesa.household.Member;
import id.berkasdesa.household.SampleData;
import id.berkasdesa.wilayah.Wilayah;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Child process of {@link DurabilityTest}: saves households (new ones, and new versions of saved
 * ones) until it is killed. Before each save it prints {@code TRY id members alamat}; after the save
 * returned, {@code OK id members alamat}.
 */
public final class SaveLoop {

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        long seed = Long.parseLong(args[1]);
        Random random = new Random(seed);
        try (Database db = Database.open(dir)) {
            HouseholdService service = new HouseholdService(db, Wilayah.load(), Clock.systemDefaultZone());
            SampleData data = new SampleData("32.01.01", seed, LocalDate.now());
            List<Household> saved = new ArrayList<>();
            service.search(HouseholdSearch.all()).stream().limit(20).forEach(s -> service.load(s.id()));
            System.out.println("READY");
            System.out.flush();
            for (int i = 0; ; i++) {
                Household h;
                if (!saved.isEmpty() && random.nextInt(3) == 0) {
                    Household old = saved.get(random.nextInt(saved.size()));
                    List<Member> members = new ArrayList<>(old.members());
                    members.add(data.household().members().get(0).withNik(null));
                    Member added = members.get(members.size() - 1);
                    members.set(members.size() - 1, new Member(added.id(), null, true, added.nama(), added.sex(),
                            added.tempatLahir(), added.tanggalLahir(), added.agama(), added.pendidikan(),
                            added.pekerjaan(), added.statusPerkawinan(), 9, added.kewarganegaraan(), added.namaAyah(),
                            added.namaIbu(), added.status(), added.statusDate()));
                    h = new Household(old.id(), old.noKk(), "JL. VERSI " + seed + "-" + i, old.rt(), old.rw(),
                            old.dusun(), old.kodePos(), old.sample(), members);
                } else {
                    h = data.household();
                }
                System.out.println("TRY " + h.id() + " " + h.members().size() + " " + h.alamat().replace(' ', '_'));
                System.out.flush();
                if (service.save(h, true).saved()) {
                    System.out.println("OK " + h.id() + " " + h.members().size() + " " + h.alamat().replace(' ', '_'));
                    System.out.flush();
                    saved.removeIf(s -> s.id().equals(h.id()));
                    saved.add(service.load(h.id()).orElseThrow());
                }
            }
        }
    }
}
