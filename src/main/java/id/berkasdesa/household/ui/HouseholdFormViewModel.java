package id.berkasdesa.household.ui;

import id.berkasdesa.common.Finding;
import id.berkasdesa.common.Findings;
import id.berkasdesa.household.Household;
import id.berkasdesa.household.HouseholdService;
import id.berkasdesa.household.SaveResult;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The household form's state: the KK fields, the members being typed, and what the rules say about
 * them, recomputed on every change (the form rules are pure and fast). The store's own checks (a
 * NIK held elsewhere…) come with {@link #save}.
 */
final class HouseholdFormViewModel {

    final StringProperty noKk = new SimpleStringProperty("");
    final StringProperty alamat = new SimpleStringProperty("");
    final StringProperty rt = new SimpleStringProperty("");
    final StringProperty rw = new SimpleStringProperty("");
    final StringProperty dusun = new SimpleStringProperty("");
    final StringProperty kodePos = new SimpleStringProperty("");
    final ObservableList<MemberDraft> members = FXCollections.observableArrayList(
            d -> d.observables());
    final ObjectProperty<MemberDraft> selected = new SimpleObjectProperty<>();
    final BooleanProperty dirty = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<Findings> findings = new ReadOnlyObjectWrapper<>(Findings.NONE);
    /** Findings from the last save attempt that only the store can tell (shown until the next change). */
    private Findings storeFindings = Findings.NONE;

    private final HouseholdService service;
    private UUID id = UUID.randomUUID();
    private boolean sample;
    private boolean isNew = true;
    private boolean loading;

    HouseholdFormViewModel(HouseholdService service) {
        this.service = service;
        InvalidationListener changed = o -> {
            if (!loading) {
                storeFindings = Findings.NONE;
                dirty.set(true);
                revalidate();
            }
        };
        for (StringProperty p : List.of(noKk, alamat, rt, rw, dusun, kodePos)) {
            p.addListener(changed);
        }
        members.addListener(changed);
    }

    void startNew() {
        loading = true;
        members.setAll(List.of(MemberDraft.blank(true)));
        loading = false;
        selected.set(members.get(0));
        revalidate();
    }

    void load(Household h) {
        loading = true;
        id = h.id();
        sample = h.sample();
        isNew = false;
        noKk.set(h.noKk());
        alamat.set(h.alamat());
        rt.set(h.rt());
        rw.set(h.rw());
        dusun.set(h.dusun() == null ? "" : h.dusun());
        kodePos.set(h.kodePos() == null ? "" : h.kodePos());
        members.setAll(h.members().stream().map(MemberDraft::of).toList());
        loading = false;
        dirty.set(false);
        selected.set(members.isEmpty() ? null : members.get(0));
        revalidate();
    }

    boolean isNew() {
        return isNew;
    }

    /** The household's id once it is in the store, else null. */
    UUID savedId() {
        return isNew ? null : id;
    }

    MemberDraft addMember() {
        MemberDraft d = MemberDraft.blank(members.isEmpty());
        members.add(d);
        selected.set(d);
        return d;
    }

    /** Only a member typed in this session can be removed; a saved one is marked moved out or deceased. */
    boolean removeSelected() {
        MemberDraft d = selected.get();
        if (d == null || d.stored) {
            return false;
        }
        int index = members.indexOf(d);
        members.remove(d);
        selected.set(members.isEmpty() ? null : members.get(Math.max(0, index - 1)));
        return true;
    }

    Household toHousehold() {
        return new Household(id, noKk.get(), alamat.get(), rt.get(), rw.get(), dusun.get(), kodePos.get(), sample,
                members.stream().map(MemberDraft::toMember).toList());
    }

    void revalidate() {
        List<Finding> dateText = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            dateText.addAll(members.get(i).dateTextFindings(i));
        }
        Findings rules = service.rules().check(toHousehold(), service.today());
        findings.set(Findings.of(dateText).plus(withoutShadowed(rules, dateText)).plus(storeFindings));
    }

    /** A date typed unreadably is reported as such, not also as "missing". */
    private static Findings withoutShadowed(Findings rules, List<Finding> dateText) {
        return Findings.of(rules.all().stream()
                .filter(f -> dateText.stream().noneMatch(d -> d.field().equals(f.field()))).toList());
    }

    ReadOnlyObjectProperty<Findings> findings() {
        return findings.getReadOnlyProperty();
    }

    String memberPrefix(MemberDraft d) {
        return "member." + members.indexOf(d) + ".";
    }

    /**
     * Runs on a worker thread: the save touches the database. It saves {@code snapshot}, taken with
     * {@link #toHousehold} on the UI thread: the form's properties are never read from the worker.
     */
    SaveResult save(Household snapshot, boolean warningsConfirmed) {
        return service.save(snapshot, warningsConfirmed);
    }

    /** Back on the UI thread with the result of {@link #save}. */
    void saved(SaveResult result) {
        if (result.saved()) {
            // the operator's place is kept: the member they were on stays selected after the save
            int place = members.indexOf(selected.get());
            load(result.household());
            if (place > 0 && place < members.size()) {
                selected.set(members.get(place));
            }
            return;
        }
        storeFindings = Findings.of(result.findings().all().stream()
                .filter(f -> !findings.get().all().contains(f)).toList());
        revalidate();
    }

    /** Findings not tied to one field of the KK or of a member (head count, removed members). */
    List<Finding> householdLevel() {
        return findings.get().all().stream().filter(f -> f.field().equals("members")).toList();
    }

    boolean memberHasErrors(MemberDraft d) {
        int index = members.indexOf(d);
        return findings.get().forField("member." + index)
                .stream().anyMatch(Finding::isError);
    }
}
