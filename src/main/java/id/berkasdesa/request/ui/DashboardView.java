package id.berkasdesa.request.ui;

import id.berkasdesa.common.Messages;
import id.berkasdesa.common.ui.Fxml;
import id.berkasdesa.common.ui.KeyboardEntry;
import id.berkasdesa.common.ui.BackgroundTasks;
import id.berkasdesa.common.DateText;
import id.berkasdesa.request.Dashboard;
import id.berkasdesa.request.RequestFilter;
import id.berkasdesa.request.RequestService;
import id.berkasdesa.request.RequestStatus;
import id.berkasdesa.request.RequestSummary;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.Cursor;
import javafx.scene.Parent;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedBarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The home screen: requests by status, urgent ones first, deadlines and follow-ups coming due, and
 * requests per month. Every number opens the list behind it. Reads only stored values, so it shows
 * at once; the start-up re-evaluation refreshes it when something changed.
 */
final class DashboardView {

    @FXML BorderPane root;
    @FXML Label todayLabel;
    @FXML Button allButton, deadlineTile, followUpTile;
    @FXML Hyperlink urgentLink;
    @FXML HBox statusTiles;
    @FXML TableView<RequestSummary> urgentTable;
    @FXML TableColumn<RequestSummary, String> colNama, colCategory, colStatus, colDeadline, colLeft;
    @FXML StackedBarChart<String, Number> chart;
    @FXML CategoryAxis monthAxis;
    @FXML NumberAxis countAxis;

    private final RequestService service;
    private final Messages messages;
    private final BackgroundTasks runner;
    private final BiConsumer<RequestFilter, String> openList;
    private final Consumer<UUID> openRequest;
    private final Parent view;
    private Runnable onShown = () -> { };

    DashboardView(RequestService service, Messages messages, BackgroundTasks runner, BiConsumer<RequestFilter, String> openList,
            Consumer<UUID> openRequest) {
        this.service = service;
        this.messages = messages;
        this.runner = runner;
        this.openList = openList;
        this.openRequest = openRequest;
        this.view = Fxml.load(this, messages);
    }

    Parent view() {
        return view;
    }

    @FXML
    void initialize() {
        colNama.setCellValueFactory(c -> text(c.getValue().nama()));
        colCategory.setCellValueFactory(c -> text(c.getValue().urgentCategory() == null ? ""
                : messages.get(c.getValue().urgentCategory().key())));
        colStatus.setCellValueFactory(c -> text(messages.get(c.getValue().status().key())));
        colDeadline.setCellValueFactory(c -> text(c.getValue().deadline() == null ? "-"
                : DateText.format(c.getValue().deadline())));
        colLeft.setCellValueFactory(c -> text(c.getValue().deadline() == null || !c.getValue().status().preparing() ? ""
                : RequestListView.daysLeft(messages, ChronoUnit.DAYS.between(service.today(), c.getValue().deadline()))));
        KeyboardEntry.opensRows(urgentTable, row -> openRequest.accept(row.id()));
        chart.setCategoryGap(14);
        chart.getStyleClass().add("request-chart");
        // counts are whole numbers: no "0,25" ticks
        countAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return n.doubleValue() == Math.rint(n.doubleValue()) ? String.valueOf(n.intValue()) : "";
            }

            @Override
            public Number fromString(String s) {
                return Integer.valueOf(s);
            }
        });
    }

    private static ReadOnlyObjectWrapper<String> text(String s) {
        return new ReadOnlyObjectWrapper<>(s);
    }

    void onShown(Runnable listener) {
        this.onShown = listener;
    }

    /** Loads the numbers in the background and shows them. */
    void refresh() {
        // the first time there are no tiles yet: say the numbers are coming rather than show an empty page
        boolean first = statusTiles.getChildren().isEmpty();
        if (first) {
            todayLabel.setText(messages.get("dashboard.loading"));
        }
        runner.run(first ? messages.get("dashboard.loading") : "", p -> service.dashboard(), this::show,
                e -> todayLabel.setText(messages.get("dashboard.failed")));
    }

    void show(Dashboard d) {
        todayLabel.setText(messages.get("dashboard.today", DateText.format(d.today())));
        allButton.setText(messages.get("dashboard.all", d.total()));
        statusTiles.getChildren().clear();
        for (RequestStatus s : RequestStatus.values()) {
            int n = d.byStatus().get(s);
            int urgent = d.urgentByStatus().get(s);
            Label number = new Label(String.valueOf(n));
            number.getStyleClass().add("tile-number");
            Label name = new Label(messages.get(s.key()));
            name.getStyleClass().add("tile-name");
            Label sub = new Label(urgent > 0 ? messages.get("dashboard.tile.urgent", urgent) : " ");
            sub.getStyleClass().add("tile-sub");
            Button tile = new Button(null, new VBox(0, number, name, sub));
            tile.getStyleClass().addAll("tile", "tile-" + s.name().toLowerCase());
            tile.setMaxWidth(Double.MAX_VALUE);
            tile.setId("tile-" + s.name());
            HBox.setHgrow(tile, Priority.ALWAYS);
            tile.setOnAction(e -> openList.accept(RequestFilter.all().withStatuses(Set.of(s)), null));
            statusTiles.getChildren().add(tile);
        }
        urgentLink.setText(messages.get("dashboard.urgent.all", d.urgentOpenCount()));
        urgentTable.getItems().setAll(d.urgentOpen());
        deadlineTile.setText(messages.get("dashboard.deadlines", d.deadlinesSoon(), d.soonDays()));
        deadlineTile.getStyleClass().removeAll("tile-alert");
        if (d.deadlinesSoon() > 0) {
            deadlineTile.getStyleClass().add("tile-alert");
        }
        followUpTile.setText(messages.get("dashboard.followUps", d.followUpsDue()));
        followUpTile.getStyleClass().removeAll("tile-alert");
        if (d.followUpsDue() > 0) {
            followUpTile.getStyleClass().add("tile-alert");
        }
        // the chart a frame after the numbers: its hundred bars and their legend doubled the styling and
        // layout of the pulse that shows the numbers (the frame Enter on the sign-in waits for)
        Map<YearMonth, Map<RequestStatus, Integer>> months = d.perMonth();
        chartPending = months;
        id.berkasdesa.common.ui.Pulses.afterLayout(view, () -> javafx.application.Platform.runLater(() -> {
            if (chartPending == months) {
                chartPending = null;
                showChart(months);
            }
        }));
        told();
    }

    /** The months the chart is to show next (the newest numbers only, when two came before a pulse). */
    private Map<YearMonth, Map<RequestStatus, Integer>> chartPending;

    /**
     * Tells {@link #onShown} once the pulse that lays these numbers out has run (the frame is drawn in
     * the same pulse): a {@code runLater} ran before that pulse, and the start-up figure left out the
     * home screen's styling and layout.
     */
    private void told() {
        id.berkasdesa.common.ui.Pulses.afterLayout(view, onShown);
    }

    private void showChart(Map<YearMonth, Map<RequestStatus, Integer>> perMonth) {
        monthAxis.getCategories().setAll(perMonth.keySet().stream().map(m -> RequestListView.monthLabel(m, messages)).toList());
        List<XYChart.Series<String, Number>> all = new ArrayList<>();
        for (RequestStatus s : RequestStatus.values()) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName(messages.get(s.key()));
            for (Map.Entry<YearMonth, Map<RequestStatus, Integer>> month : perMonth.entrySet()) {
                int n = month.getValue().getOrDefault(s, 0);
                XYChart.Data<String, Number> point = new XYChart.Data<>(RequestListView.monthLabel(month.getKey(), messages), n);
                YearMonth m = month.getKey();
                point.nodeProperty().addListener((o, a, node) -> {
                    if (node != null && n > 0) {
                        node.setCursor(Cursor.HAND);
                        // the bar's tooltip made when the pointer first comes onto it: a tooltip is a popup
                        // of its own, and some fifty made with the chart held the home screen back
                        node.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_ENTERED, new javafx.event.EventHandler<>() {
                            @Override
                            public void handle(javafx.scene.input.MouseEvent e) {
                                node.removeEventHandler(javafx.scene.input.MouseEvent.MOUSE_ENTERED, this);
                                Tooltip.install(node, new Tooltip(messages.get("dashboard.chart.tip",
                                        RequestListView.monthLabel(m, messages), messages.get(s.key()), n)));
                            }
                        });
                        node.setOnMouseClicked(e -> openList.accept(RequestFilter.all().withMonth(m)
                                .withStatuses(Set.of(s)), messages.get("dashboard.chart.month",
                                RequestListView.monthLabel(m, messages))));
                    }
                });
                series.getData().add(point);
            }
            // every status always has its series, so each keeps its colour from one month to the next
            all.add(series);
        }
        chart.getData().setAll(all); // at once: the chart lays itself out once, not once per series
    }

    @FXML
    void showAll() {
        openList.accept(RequestFilter.all(), null);
    }

    @FXML
    void showUrgent() {
        openList.accept(RequestFilter.all().withView(RequestFilter.View.URGENT_OPEN),
                messages.get(RequestFilter.View.URGENT_OPEN.key()));
    }

    @FXML
    void showDeadlines() {
        openList.accept(RequestFilter.all().withView(RequestFilter.View.DEADLINE_SOON),
                messages.get(RequestFilter.View.DEADLINE_SOON.key()));
    }

    @FXML
    void showFollowUps() {
        openList.accept(RequestFilter.all().withView(RequestFilter.View.FOLLOW_UP_DUE),
                messages.get(RequestFilter.View.FOLLOW_UP_DUE.key()));
    }
}
