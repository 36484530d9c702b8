package id.berkasdesa.household.ui;

import id.berkasdesa.common.Messages;
import id.berkasdesa.common.ui.Fxml;
import id.berkasdesa.common.ui.KeyboardEntry;
import id.berkasdesa.common.ui.BackgroundTasks;
import id.berkasdesa.household.HouseholdSearch;
import id.berkasdesa.household.HouseholdService;
import id.berkasdesa.household.HouseholdSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;

/** All Kartu Keluarga of the village, searched as the operator types. */
public final class HouseholdListView {

    @FXML BorderPane root;
    @FXML TextField searchField;
    @FXML ComboBox<String> rtBox, rwBox, dusunBox;
    @FXML Button newButton;
    @FXML TableView<HouseholdSummary> table;
    @FXML TableColumn<HouseholdSummary, String> colNoKk, colKepala, colAlamat, colRt, colRw, colDusun;
    @FXML TableColumn<HouseholdSummary, Integer> colJumlah;
    @FXML Label countLabel;
    @FXML Label placeholder;

    private final HouseholdListViewModel vm;
    private final Messages messages;
    private final BackgroundTasks runner;
    private final Consumer<UUID> open;
    private BackgroundTasks.Debounced typing;
    /** Only the newest search's rows are shown, whatever order the answers come in. */
    private BackgroundTasks.Latest<HouseholdListViewModel.Result> searches;
    private final Parent view;
    private boolean updatingFilters;

    /**
     * @param open opens a household's form; null opens a new one
     */
    HouseholdListView(HouseholdService service, Messages messages, BackgroundTasks runner, Consumer<UUID> open) {
        this.vm = new HouseholdListViewModel(service);
        this.messages = messages;
        this.runner = runner;
        this.open = open;
        this.view = Fxml.load(this, messages);
    }

    Parent view() {
        return view;
    }

    @FXML
    void initialize() {
        table.setItems(vm.rows);
        colNoKk.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().noKk()));
        colKepala.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().kepala() == null
                ? messages.get("household.list.noHead") : c.getValue().kepala()));
        colAlamat.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().alamat()));
        colRt.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().rt()));
        colRw.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().rw()));
        colDusun.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().dusun()));
        colJumlah.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().jumlah()));
        KeyboardEntry.opensRows(table, row -> open.accept(row.id()));
        KeyboardEntry.searchGoesToTable(searchField, table, row -> open.accept(row.id()));
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.N) {
                newHousehold();
                e.consume();
            } else if (e.isShortcutDown() && e.getCode() == KeyCode.F) {
                searchField.requestFocus();
                e.consume();
            }
        });
        searchField.textProperty().bindBidirectional(vm.text);
        filter(rtBox, vm.rt);
        filter(rwBox, vm.rw);
        rwBox.setConverter(rwChoices(messages));
        filter(dusunBox, vm.dusun);
        typing = runner.debounce(120, () -> refresh(false));
        searches = runner.latest();
        vm.text.addListener((o, a, b) -> typing.restart());
    }

    /** The RW column is hidden in a village without RW (every household's RW is "-"). */
    void usesRw(boolean uses) {
        colRw.setVisible(uses);
    }

    /** The RW filter names "-" as "Tanpa RW": the households of a village part without RW. */
    public static javafx.util.StringConverter<String> rwChoices(Messages messages) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(String v) {
                return id.berkasdesa.household.HouseholdRules.NO_RW.equals(v) ? messages.get("household.rw.none") : v;
            }

            @Override
            public String fromString(String s) {
                return messages.get("household.rw.none").equals(s) ? id.berkasdesa.household.HouseholdRules.NO_RW : s;
            }
        };
    }

    private void filter(ComboBox<String> box, javafx.beans.property.StringProperty target) {
        box.setValue(messages.get("household.list.all"));
        box.valueProperty().addListener((o, a, b) -> {
            if (updatingFilters) {
                return;
            }
            target.set(b == null || b.equals(messages.get("household.list.all")) ? null : b);
            refresh(false);
        });
    }

    /** Reloads the rows (and, when asked, the filter choices) in the background. */
    public void refresh(boolean withFilters) {
        var query = vm.query();
        if (vm.rows.isEmpty()) {
            placeholder.setText(messages.get("household.list.loading")); // not "none" before the answer
        }
        searches.run(p -> vm.search(query, withFilters), r -> {
            vm.accept(r);
            showCount(r);
            if (r.filters() != null) {
                setFilterChoices(r.filters());
            }
        }, e -> {
            countLabel.setText(messages.get("household.list.searchFailed"));
            placeholder.setText(messages.get("household.list.searchFailed"));
        });
    }

    private void showCount(HouseholdListViewModel.Result r) {
        int shown = r.rows().size();
        if (!vm.isFiltered()) {
            countLabel.setText(shown < r.total()
                    ? messages.get("household.list.countLimited", shown, r.total())
                    : messages.get("household.list.count", r.total()));
        } else {
            countLabel.setText(shown >= HouseholdSearch.DEFAULT_LIMIT
                    ? messages.get("household.list.foundLimited", shown)
                    : messages.get("household.list.found", shown, r.total()));
        }
        placeholder.setText(messages.get(r.total() == 0 ? "household.list.empty" : "household.list.none"));
    }

    private void setFilterChoices(HouseholdService.Filters f) {
        updatingFilters = true;
        choices(rtBox, f.rt());
        choices(rwBox, f.rw());
        choices(dusunBox, f.dusun());
        updatingFilters = false;
    }

    private void choices(ComboBox<String> box, List<String> values) {
        String current = box.getValue();
        List<String> items = new ArrayList<>();
        items.add(messages.get("household.list.all"));
        items.addAll(values);
        box.setItems(FXCollections.observableArrayList(items));
        box.setValue(items.contains(current) ? current : items.get(0));
    }

    void focusSearch() {
        searchField.requestFocus();
    }

    @FXML
    void newHousehold() {
        open.accept(null);
    }

    /** What is typed in the search box now ("" for nothing). */
    String searchText() {
        return searchField.getText() == null ? "" : searchField.getText();
    }
}
