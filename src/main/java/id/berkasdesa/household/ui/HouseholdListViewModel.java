package id.berkasdesa.household.ui;

import id.berkasdesa.household.HouseholdSearch;
import id.berkasdesa.household.HouseholdService;
import id.berkasdesa.household.HouseholdSummary;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The household list: what is typed and filtered, and the rows found. */
final class HouseholdListViewModel {

    /** What a search brings back: the rows and the register's size. */
    record Result(List<HouseholdSummary> rows, int total, HouseholdService.Filters filters) {
    }

    final StringProperty text = new SimpleStringProperty("");
    final StringProperty rt = new SimpleStringProperty();
    final StringProperty rw = new SimpleStringProperty();
    final StringProperty dusun = new SimpleStringProperty();
    final ObservableList<HouseholdSummary> rows = FXCollections.observableArrayList();

    private final HouseholdService service;

    HouseholdListViewModel(HouseholdService service) {
        this.service = service;
    }

    /** On the UI thread: what the search fields say now, for {@link #search} to run with. */
    HouseholdSearch query() {
        return new HouseholdSearch(text.get(), rt.get(), rw.get(), dusun.get(), HouseholdSearch.DEFAULT_LIMIT);
    }

    /** Runs on a worker thread, with the {@link #query} taken on the UI thread. */
    Result search(HouseholdSearch query, boolean withFilters) {
        List<HouseholdSummary> found = service.search(query);
        return new Result(found, service.count(), withFilters ? service.filters() : null);
    }

    /** Back on the UI thread with the newest search's result. */
    void accept(Result r) {
        rows.setAll(r.rows());
    }

    boolean isFiltered() {
        return !text.get().isBlank() || rt.get() != null || rw.get() != null || dusun.get() != null;
    }
}
