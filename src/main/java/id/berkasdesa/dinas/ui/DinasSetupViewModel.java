package id.berkasdesa.dinas.ui;

import id.berkasdesa.dinas.DinasService;
import id.berkasdesa.wilayah.Area;
import id.berkasdesa.wilayah.Wilayah;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The setup of a Dinas Sosial's store: the kabupaten/kota from the area codes (found by typing part of
 * its name), the office's name (offered from it), and who will be its first Administrator.
 */
public final class DinasSetupViewModel {

    final StringProperty search = new SimpleStringProperty("");
    final ObjectProperty<Area> kabupaten = new SimpleObjectProperty<>();
    final StringProperty office = new SimpleStringProperty("");
    final StringProperty admin = new SimpleStringProperty("");

    private final Wilayah wilayah;
    private final CompletableFuture<DinasService> dinas;
    private final List<Area> all = new ArrayList<>();

    /** @param dinas the store's district service, once the store is open (a new folder's is still being made) */
    public DinasSetupViewModel(Wilayah wilayah, CompletableFuture<DinasService> dinas) {
        this.wilayah = wilayah;
        this.dinas = dinas;
        for (Area p : wilayah.provinces()) {
            all.addAll(wilayah.childrenOf(p.code()));
        }
    }

    /** Every kabupaten/kota whose name or code holds each word typed ("bogor", "kab bogor", "32.01"). */
    List<Area> matching(String typed) {
        String[] words = typed.strip().toLowerCase(Locale.ROOT).split("\\s+");
        List<Area> out = new ArrayList<>();
        for (Area a : all) {
            String hay = (a.name() + " " + a.code() + " " + where(a)).toLowerCase(Locale.ROOT).replace("kabupaten", "kabupaten kab");
            boolean every = true;
            for (String w : words) {
                every &= hay.contains(w);
            }
            if (every) {
                out.add(a);
            }
        }
        return out;
    }

    /** The province a kabupaten/kota is in. */
    String where(Area kabupatenKota) {
        return wilayah.find(kabupatenKota.parentCode()).map(Area::name).orElse("");
    }

    /** The office's name offered for a kabupaten/kota: "Dinas Sosial Kabupaten Bogor". */
    static String officeFor(Area kabupatenKota) {
        return "Dinas Sosial " + kabupatenKota.name();
    }

    /** The message key of what is still missing, if anything. */
    Optional<String> missing() {
        if (kabupaten.get() == null) {
            return Optional.of("dinas.setup.missing.kabupaten");
        }
        if (office.get().isBlank()) {
            return Optional.of("dinas.error.officeName");
        }
        if (admin.get().isBlank()) {
            return Optional.of("dinas.setup.missing.admin");
        }
        return Optional.empty();
    }

    /** Makes the store the office's (on the worker: waits for a new folder's store to be ready). */
    DinasService.Office save() {
        return dinas.join().setUp(kabupaten.get().code(), office.get());
    }
}
