package id.berkasdesa.request.ui;

import id.berkasdesa.common.Messages;
import id.berkasdesa.common.MessageException;
import id.berkasdesa.common.ui.Converters;
import id.berkasdesa.common.ui.DialogService;
import id.berkasdesa.common.ui.Fxml;
import id.berkasdesa.common.ui.KeyboardEntry;
import id.berkasdesa.common.ui.WrappingCells;
import id.berkasdesa.common.ui.BackgroundTasks;
import id.berkasdesa.common.DateText;
import id.berkasdesa.request.RequestFilter;
import id.berkasdesa.request.RequestListPdf;
import id.berkasdesa.request.RequestService;
import id.berkasdesa.request.RequestStatus;
import id.berkasdesa.request.RequestSummary;
import id.berkasdesa.request.Route;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;

/** The village's reactivation requests, filtered by status, urgency, RT/RW and route, searched like the register. */
final class RequestListView {

    /** Any / urgent / regular. */
    enum Urgency { MENDESAK, BIASA }

    @FXML BorderPane root;
    @FXML TextField searchField;
    @FXML ComboBox<RequestStatus> statusBox;
    @FXML ComboBox<Urgency> urgencyBox;
    @FXML ComboBox<String> rtBox, rwBox;
    @FXML ComboBox<Route> routeBox;
    @FXML Button pdfButton, clearViewButton;
    @FXML Label viewChip, countLabel, placeholder;
    @FXML TableView<RequestSummary> table;
    @FXML TableColumn<RequestSummary, String> colNama, colNik, colRtRw, colStatus, colUrgent, colDeadline, colLeft,
            colRoute, colNote;

    private final RequestService service;
    private final Messages messages;
    private final BackgroundTasks runner;
    private final DialogService dialogs;
    private final Consumer<UUID> open;
    private final Supplier<RequestListPdf.Heading> heading;
    private final Parent view;
    private final ObservableList<RequestSummary> rows = FXCollections.observableArrayList();
    private BackgroundTasks.Debounced typing;
    private BackgroundTasks.Latest<List<RequestSummary>> search;
    /** The dashboard list this was opened as (deadlines soon, follow-ups due, a month), or none. */
    private RequestFilter base = RequestFilter.all();
    private String baseLabel;
    private boolean settingFilters;

    RequestListView(RequestService service, Messages messages, BackgroundTasks runner, DialogService dialogs,
            Consumer<UUID> open, Supplier<RequestListPdf.Heading> heading) {
        this.service = service;
        this.messages = messages;
        this.runner = runner;
        this.dialogs = dialogs;
        this.open = open;
        this.heading = heading;
        this.view = Fxml.load(this, messages);
    }

    Parent view() {
        return view;
    }

    @FXML
    void initialize() {
        table.setItems(rows);
        colNama.setCellValueFactory(c -> text(c.getValue().nama()));
        colNik.setCellValueFactory(c -> text(c.getValue().nik() == null ? "-" : c.getValue().nik()));
        colRtRw.setCellValueFactory(c -> text(c.getValue().rt() + "/" + c.getValue().rw()));
        colStatus.setCellValueFactory(c -> text(messages.get(c.getValue().status().key())));
        colUrgent.setCellValueFactory(c -> text(c.getValue().urgent() ? messages.get(c.getValue().urgentCategory().key())
                : ""));
        colDeadline.setCellValueFactory(c -> text(c.getValue().deadline() == null ? "-"
                : DateText.format(c.getValue().deadline())));
        colLeft.setCellValueFactory(c -> text(left(c.getValue())));
        colRoute.setCellValueFactory(c -> text(messages.get("request.route.short." + c.getValue().route().name())));
        colNote.setCellValueFactory(c -> text(note(c.getValue())));
        WrappingCells.install(colNote); // a Dinas Sosial's reason can be long: read whole, not cut

        table.setRowFactory(t -> {
            TableRow<RequestSummary> row = new TableRow<>() {
                @Override
                protected void updateItem(RequestSummary item, boolean empty) {
                    super.updateItem(item, empty);
                    getStyleClass().remove("row-urgent");
                    if (!empty && item != null && item.status().open() && item.urgent()) {
                        getStyleClass().add("row-urgent");
                    }
                }
            };
            return row;
        });
        KeyboardEntry.opensRows(table, row -> open.accept(row.id()));
        KeyboardEntry.searchGoesToTable(searchField, table);
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.F) {
                searchField.requestFocus();
                e.consume();
            } else if (e.isShortcutDown() && e.getCode() == KeyCode.P) {
                exportPdf();
                e.consume();
            }
        });
        List<RequestStatus> statuses = new ArrayList<>();
        statuses.add(null);
        statuses.addAll(List.of(RequestStatus.values()));
        statusBox.getItems().setAll(statuses);
        statusBox.setConverter(Converters.of(s -> s == null ? messages.get("household.list.all") : messages.get(s.key())));
        urgencyBox.getItems().setAll(null, Urgency.MENDESAK, Urgency.BIASA);
        urgencyBox.setConverter(Converters.of(u -> u == null ? messages.get("household.list.all")
                : messages.get("request.urgency." + u.name())));
        List<Route> routes = new ArrayList<>();
        routes.add(null);
        routes.addAll(List.of(Route.values()));
        routeBox.getItems().setAll(routes);
        routeBox.setConverter(Converters.of(r -> r == null ? messages.get("household.list.all")
                : messages.get("request.route.short." + r.name())));
        for (ComboBox<?> box : List.of(statusBox, urgencyBox, routeBox)) {
            box.setPromptText(messages.get("household.list.all")); // shown while the value is "any" (null)
        }
        rwBox.setConverter(id.berkasdesa.household.ui.HouseholdListView.rwChoices(messages));
        for (ComboBox<?> box : List.of(statusBox, urgencyBox, rtBox, rwBox, routeBox)) {
            box.valueProperty().addListener((o, a, b) -> {
                if (!settingFilters) {
                    refresh();
                }
            });
        }
        typing = runner.debounce(120, this::refresh);
        search = runner.latest();
        searchField.textProperty().addListener((o, a, b) -> typing.restart());
        clearViewButton.managedProperty().bind(clearViewButton.visibleProperty());
        viewChip.managedProperty().bind(viewChip.visibleProperty());
    }

    private static ReadOnlyObjectWrapper<String> text(String s) {
        return new ReadOnlyObjectWrapper<>(s);
    }

    String left(RequestSummary r) {
        if (r.status() == RequestStatus.AKTIF_KEMBALI && r.followUpDone() == null && r.followUpDue() != null) {
            // after Aktif kembali the days count to the follow-up, not the deadline: said so in the cell
            return messages.get("request.list.left.followUp",
                    daysLeft(messages, ChronoUnit.DAYS.between(service.today(), r.followUpDue())));
        }
        if (!r.status().preparing() || r.deadline() == null) {
            return "";
        }
        return daysLeft(messages, ChronoUnit.DAYS.between(service.today(), r.deadline()));
    }

    /** Days left as a number, or "lewat" once past: a negative count says nothing to an operator. */
    static String daysLeft(Messages messages, long days) {
        return days >= 0 ? String.valueOf(days) : messages.get("request.list.past", -days);
    }

    private String note(RequestSummary r) {
        return switch (r.status()) {
            case DRAF -> messages.get("request.list.note.blocking", r.blocking());
            case TERKIRIM -> r.bundle() == null ? "" : r.bundle();
            case DITOLAK, GAGAL, PERLU_PERBAIKAN -> r.decisionReason() == null ? "" : r.decisionReason();
            case AKTIF_KEMBALI -> r.followUpDone() != null ? messages.get("request.list.note.followUpDone")
                    : r.followUpDue() == null ? "" : messages.get("request.list.note.followUp", DateText.format(r.followUpDue()));
            default -> "";
        };
    }

    /** Shows the list with the filters set as asked (from the dashboard), or with all filters cleared. */
    void show(RequestFilter filter, String label) {
        settingFilters = true;
        base = new RequestFilter(null, null, null, null, null, null, filter.view(), filter.month(), 0);
        baseLabel = label;
        searchField.setText(filter.text() == null ? "" : filter.text());
        statusBox.setValue(filter.statuses().size() == 1 ? filter.statuses().iterator().next() : null);
        urgencyBox.setValue(filter.urgent() == null ? null : filter.urgent() ? Urgency.MENDESAK : Urgency.BIASA);
        routeBox.setValue(filter.route());
        rtBox.setValue(filter.rt()); // none is every RT (the choices, read after the rows, say "Semua")
        rwBox.setValue(filter.rw());
        settingFilters = false;
        viewChip.setText(label == null ? "" : label);
        viewChip.setVisible(label != null);
        clearViewButton.setVisible(label != null);
        boolean byArea = filter.rt() != null || filter.rw() != null;
        if (!byArea) {
            refresh(); // the rows first: the RT and RW choices come after them
        }
        loadAreaChoices(filter.rt(), filter.rw(), byArea);
        searchField.requestFocus();
    }

    @FXML
    void clearView() {
        show(RequestFilter.all(), null);
    }

    /** @param thenRows whether the rows wait for the choices (a view from the dashboard names an RT or RW) */
    private void loadAreaChoices(String rt, String rw, boolean thenRows) {
        runner.run("", p -> service.filters(), f -> {
            settingFilters = true;
            List<String> rts = new ArrayList<>();
            rts.add(messages.get("household.list.all"));
            rts.addAll(f.rt());
            List<String> rws = new ArrayList<>();
            rws.add(messages.get("household.list.all"));
            rws.addAll(f.rw());
            rtBox.getItems().setAll(rts);
            rwBox.getItems().setAll(rws);
            rtBox.setValue(rt == null ? rts.get(0) : rt);
            rwBox.setValue(rw == null ? rws.get(0) : rw);
            settingFilters = false;
            if (thenRows) {
                refresh();
            }
        }, e -> {
            if (thenRows) {
                refresh();
            }
        });
    }

    RequestFilter filter() {
        RequestStatus s = statusBox.getValue();
        Urgency u = urgencyBox.getValue();
        String all = messages.get("household.list.all");
        String rt = rtBox.getValue() == null || rtBox.getValue().equals(all) ? null : rtBox.getValue();
        String rw = rwBox.getValue() == null || rwBox.getValue().equals(all) ? null : rwBox.getValue();
        return new RequestFilter(searchField.getText(), s == null ? Set.of() : Set.of(s),
                u == null ? null : u == Urgency.MENDESAK, rt, rw, routeBox.getValue(), base.view(), base.month(), 0);
    }

    /** Reloads the rows in the background; only the latest answer is shown. */
    void refresh() {
        RequestFilter f = filter();
        if (rows.isEmpty()) {
            placeholder.setText(messages.get("request.list.loading")); // not "none" before the answer
        }
        search.run(p -> service.search(f), found -> {
            placeholder.setText(messages.get("request.list.empty"));
            rows.setAll(found);
            countLabel.setText(found.size() >= f.limit() ? messages.get("request.list.countLimited", found.size())
                    : messages.get("request.list.count", found.size()));
        }, e -> {
            countLabel.setText(messages.get("household.list.searchFailed"));
            placeholder.setText(messages.get("household.list.searchFailed"));
        });
    }

    /** The list as filtered now, as a PDF for the village head's signature. */
    @FXML
    void exportPdf() {
        LocalDate today = service.today();
        Optional<Path> target = dialogs.chooseSaveFile(messages.get("request.list.pdf.title"),
                messages.get("request.list.pdf.file", DateText.format(today)));
        if (target.isEmpty()) {
            return;
        }
        RequestFilter f = filter().withLimit(100_000);
        RequestListPdf.Heading h = heading.get();
        String description = describe(f);
        RequestListPdf.Heading withFilter = h.withFilter(description);
        runner.run(messages.get("request.list.pdf.writing"), p -> {
            List<RequestSummary> all = service.search(f);
            new RequestListPdf(messages).save(all, withFilter, target.get());
            return all.size();
        }, n -> dialogs.info(messages.get("request.list.pdf.title"),
                messages.get("request.list.pdf.done", n, target.get().toString())),
                e -> dialogs.error(messages.get("request.list.pdf.title"), e instanceof MessageException m
                        ? m.message(messages) : messages.get("request.pdf.failed", String.valueOf(target.get().getParent()))));
    }

    private String describe(RequestFilter f) {
        List<String> parts = new ArrayList<>();
        if (baseLabel != null) {
            parts.add(baseLabel);
        }
        f.statuses().forEach(s -> parts.add(messages.get(s.key())));
        if (f.urgent() != null) {
            parts.add(messages.get("request.urgency." + (f.urgent() ? Urgency.MENDESAK : Urgency.BIASA).name()));
        }
        if (f.rt() != null) {
            parts.add("RT " + f.rt());
        }
        if (f.rw() != null) {
            parts.add(id.berkasdesa.household.HouseholdRules.NO_RW.equals(f.rw()) ? messages.get("household.rw.none")
                    : "RW " + f.rw());
        }
        if (f.route() != null) {
            parts.add(messages.get("request.route.short." + f.route().name()));
        }
        if (f.text() != null && !f.text().isBlank()) {
            parts.add("\"" + f.text().strip() + "\"");
        }
        return parts.isEmpty() ? messages.get("request.list.pdf.all") : String.join(", ", parts);
    }

    static String monthLabel(java.time.YearMonth m, Messages messages) {
        return m.getMonth().getDisplayName(TextStyle.SHORT, messages.locale()) + " " + m.getYear();
    }
}
