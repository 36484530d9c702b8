package id.berkasdesa.document;

import id.berkasdesa.db.Database;
import id.berkasdesa.household.Household;
import id.berkasdesa.household.HouseholdSearch;
import id.berkasdesa.household.HouseholdService;
import id.berkasdesa.household.Households;
import id.berkasdesa.settings.SettingsStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Child process of {@link AttachDurabilityTest}: runs the start-up check, then attaches, rotates and
 * detaches documents until it is killed. Prints {@code OK id} once an attach returned and
 * {@code TRYDETACH id} / {@code GONE id} around a detach.
 */
public final class AttachLoop {

    /** The one household of the test store, saved by the first run. */
    static Household household(Database db) {
        HouseholdService households = new HouseholdService(db, Households.WILAYAH, Clock.systemDefaultZone());
        return households.search(HouseholdSearch.all()).stream().findFirst()
                .flatMap(s -> households.load(s.id()))
                .orElseGet(() -> households.save(Households.family(1), true).household());
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Path scans = Path.of(args[1]);
        Random random = new Random(Long.parseLong(args[2]));
        List<Path> files;
        try (Stream<Path> s = Files.list(scans)) {
            files = s.sorted().toList();
        }
        try (Database db = Database.open(dir)) {
            DocumentService documents = new DocumentService(db, new SettingsStore(db), Clock.systemDefaultZone());
            documents.sweep();
            Household family = household(db);
            UUID member = family.members().get(0).id();
            List<UUID> attached = new ArrayList<>(documents.forHousehold(family.id()).stream().map(Document::id).toList());
            System.out.println("READY");
            System.out.flush();
            while (true) {
                int action = random.nextInt(6);
                if (action == 0 && !attached.isEmpty()) {
                    UUID id = attached.remove(random.nextInt(attached.size()));
                    System.out.println("TRYDETACH " + id);
                    System.out.flush();
                    documents.detach(id);
                    System.out.println("GONE " + id);
                } else if (action == 1 && !attached.isEmpty()) {
                    documents.rotate(attached.get(random.nextInt(attached.size())), 1);
                } else {
                    List<Path> pages = random.nextBoolean() ? List.of(files.get(random.nextInt(files.size())))
                            : List.of(files.get(random.nextInt(files.size())), files.get(random.nextInt(files.size())));
                    Document d = documents.attach(new DocumentService.Attach(family.id(), member, DocumentKind.SKTM,
                            null, LocalDate.now(), null, null), pages);
                    attached.add(d.id());
                    System.out.println("OK " + d.id());
                }
                System.out.flush();
            }
        }
    }
}
