package id.berkasdesa.village.ui;

import id.berkasdesa.household.HouseholdService;
import id.berkasdesa.village.SampleVillage;
import id.berkasdesa.village.VillageProfile;
import id.berkasdesa.village.VillageService;
import id.berkasdesa.wilayah.Area;
import id.berkasdesa.wilayah.Wilayah;
import java.util.concurrent.CompletableFuture;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** First run: which village, which office, who operates it. */
public final class SetupViewModel {

    final ObjectProperty<Area> provinsi = new SimpleObjectProperty<>();
    final ObjectProperty<Area> kabupaten = new SimpleObjectProperty<>();
    final ObjectProperty<Area> kecamatan = new SimpleObjectProperty<>();
    final ObjectProperty<Area> desa = new SimpleObjectProperty<>();
    final StringProperty kantor = new SimpleStringProperty("");
    final StringProperty operator = new SimpleStringProperty("");
    /** Optional: the village head who signs the letters. */
    final StringProperty kepala = new SimpleStringProperty("");

    private final Wilayah wilayah;
    /** The store's side, which may still be opening while the form is typed in (a new data folder). */
    private final CompletableFuture<Services> services;

    /** What saving the setup needs of the store. */
    public record Services(VillageService villages, HouseholdService households) {
    }

    SetupViewModel(Wilayah wilayah, CompletableFuture<Services> services) {
        this.wilayah = wilayah;
        this.services = services;
    }

    List<Area> provinces() {
        return wilayah.provinces();
    }

    /** Runs on a worker thread (the first call reads the 83,000 villages). */
    List<Area> children(Area parent) {
        return parent == null ? List.of() : wilayah.childrenOf(parent.code());
    }

    /** Runs on a worker thread. */
    List<Area> search(String query) {
        return query.strip().length() < 3 ? List.of() : wilayah.searchVillages(query, 60);
    }

    /** "Kec. Cibinong, Kabupaten Bogor, Jawa Barat" for a village. */
    String where(Area village) {
        List<Area> path = wilayah.pathTo(village.code());
        StringBuilder sb = new StringBuilder();
        for (int i = path.size() - 2; i >= 0; i--) {
            sb.append(sb.length() == 0 ? "" : ", ").append(path.get(i).name());
        }
        return sb.toString();
    }

    List<Area> path(Area village) {
        return wilayah.pathTo(village.code());
    }

    /** Kemendagri village codes 1xxx are kelurahan, 2xxx desa. */
    static boolean isKelurahan(Area village) {
        return village.code().charAt(9) == '1';
    }

    /** The message key of what is still missing, if anything. */
    Optional<String> missing() {
        if (desa.get() == null) {
            return Optional.of("setup.missing.desa");
        }
        if (kantor.get().isBlank()) {
            return Optional.of("setup.missing.kantor");
        }
        if (operator.get().isBlank()) {
            return Optional.of("setup.missing.operator");
        }
        return Optional.empty();
    }

    /** On the UI thread: the profile as typed, for {@link #save} to store. */
    VillageProfile profile() {
        return new VillageProfile(desa.get().code(), desa.get().name(), kantor.get().strip(), operator.get().strip(), false,
                kepala.get());
    }

    /** Runs on a worker thread, with the {@link #profile} taken on the UI thread. */
    void save(VillageProfile profile) {
        store().villages().save(profile);
    }

    /** Runs on a worker thread. */
    void fillSample(DoubleConsumer progress) {
        SampleVillage.fill(store().villages(), store().households(), SampleVillage.DEFAULT_HOUSEHOLDS, 2026, progress);
    }

    /** On the worker: the store, once open (at once but on a new folder's first minutes). */
    private Services store() {
        return id.berkasdesa.common.Futures.join(services);
    }
}
