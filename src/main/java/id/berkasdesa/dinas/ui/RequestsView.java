package id.berkasdesa.dinas.ui;

import id.berkasdesa.common.MessageException;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.Session;
import id.berkasdesa.common.ui.BackgroundTasks;
import id.berkasdesa.common.ui.DialogService;
import id.berkasdesa.common.ui.Fxml;
import id.berkasdesa.common.ui.Page;
import id.berkasdesa.dinas.Check;
import id.berkasdesa.dinas.DecisionService;
import id.berkasdesa.dinas.DinasService;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;

/**
 * Usulan: every request received, filtered by status and check, and the one chosen opened beside the
 * list — its checks in plain words, what the village sent, its decision. The Verifikator proposes
 * (Alt+1 Disetujui, Alt+2 Ditolak, Alt+3 Perlu perbaikan, a reason, a note, Ctrl+Enter saves and goes
 * to the next); the Pengesah endorses the chosen ones (Ctrl+Enter) or every proposal at once. Ctrl+↓
 * and Ctrl+↑ move to the next and previous request from anywhere on the page.
 */
public final class RequestsView implements Page {

    /** The status filter's choices: every one, or one status. */
    record StatusChoice(String status, String words) {
        @Override
        public String toString() {
            return words;
        }
    }

    /** The check filter's choices. */
    record CheckChoice(Check check, String words) {
        @Override
        public String toString() {
            return words;
        }
    }

    @FXML javafx.scene.layout.BorderPane root;
    @FXML TableView<DinasService.ReceivedRequest> table;
    @FXML TableColumn<DinasService.ReceivedRequest, String> colVillage, colNik, colName, colStatus, colChecks, colDecision;
    @FXML ComboBox<StatusChoice> statusBox;
    @FXML ComboBox<CheckChoice> checkBox;
    @FXML ComboBox<DecisionService.Decision> decisionBox;
    @FXML ComboBox<RequestsViewModel.ReasonChoice> reasonBox;
    @FXML TextArea noteArea;
    @FXML Label keysLabel, countLabel, titleLabel, subLabel, urgentLabel, holdLabel, stateLabel, formProblem;
    @FXML ListView<String> checksList, contentList;
    @FXML VBox decideForm, endorseForm;
    @FXML javafx.scene.layout.BorderPane detail, scanPane;
    @FXML Button saveButton, withdrawButton, endorseButton, endorseAllButton, prevPageButton, nextPageButton, enlargeButton;
    @FXML Label scanLabel, scanProblem;
    @FXML javafx.scene.control.ScrollPane scanScroll;
    @FXML javafx.scene.image.ImageView scanImage;

    private final RequestsViewModel vm;
    private final Messages messages;
    private final BackgroundTasks runner;
    private final DialogService dialogs;
    private final Supplier<Session> who;
    private final Parent view;
    private final BackgroundTasks.Latest<RequestsViewModel.Opened> opening;
    private final BackgroundTasks.Latest<javafx.scene.image.Image> rendering;
    private RequestsViewModel.Opened opened;
    /** Every page of the opened request's scans, and the one on show. */
    private List<RequestsViewModel.Page> pages = List.of();
    private int pageAt;
    /** While the list is replaced: the selection's changes are not openings (one opening follows). */
    private boolean updating;

    public RequestsView(RequestsViewModel vm, Messages messages, BackgroundTasks runner, DialogService dialogs,
            Supplier<Session> who) {
        this.vm = vm;
        this.messages = messages;
        this.runner = runner;
        this.dialogs = dialogs;
        this.who = who;
        this.opening = runner.latest();
        this.rendering = runner.latest();
        this.view = Fxml.load(this, messages);
    }

    @Override
    public Parent view() {
        return view;
    }

    @FXML
    void initialize() {
        colVillage.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().kodeDesa()));
        colNik.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().nik()));
        colName.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name() == null ? "" : c.getValue().name()));
        colStatus.setCellValueFactory(c -> new ReadOnlyStringWrapper(statusWords(c.getValue().status())));
        colChecks.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().checks().stream().map(Check::code)
                .collect(Collectors.joining(", "))));
        colDecision.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().decision() == null ? ""
                : messages.get("dinas.decision." + c.getValue().decision())));
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!updating) {
                open(b);
            }
        });

        List<StatusChoice> statuses = List.of(new StatusChoice(null, messages.get("dinas.requests.status.all")),
                new StatusChoice(DinasService.RECEIVED, statusWords(DinasService.RECEIVED)),
                new StatusChoice(DecisionService.DECIDED, statusWords(DecisionService.DECIDED)),
                new StatusChoice(DecisionService.ENDORSED, statusWords(DecisionService.ENDORSED)));
        statusBox.setItems(FXCollections.observableArrayList(statuses));
        statusBox.getSelectionModel().select(0);
        List<CheckChoice> checks = new java.util.ArrayList<>();
        checks.add(new CheckChoice(null, messages.get("dinas.requests.check.all")));
        for (Check c : Check.values()) {
            checks.add(new CheckChoice(c, c.code()));
        }
        checkBox.setItems(FXCollections.observableArrayList(checks));
        checkBox.getSelectionModel().select(0);
        statusBox.valueProperty().addListener((o, a, b) -> refresh());
        checkBox.valueProperty().addListener((o, a, b) -> refresh());

        decisionBox.setItems(FXCollections.observableArrayList(DecisionService.Decision.values()));
        decisionBox.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(DecisionService.Decision d) {
                return d == null ? "" : messages.get("dinas.decision." + d.code());
            }

            @Override
            public DecisionService.Decision fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        id.berkasdesa.common.ui.KeyboardEntry.typeAhead(decisionBox, messages);
        id.berkasdesa.common.ui.KeyboardEntry.typeAhead(reasonBox, messages);
        id.berkasdesa.common.ui.KeyboardEntry.tabLeaves(noteArea);
        decisionBox.focusedProperty().addListener((o, a, b) -> {
            if (b) {
                take();
            }
        });
        decisionBox.valueProperty().addListener((o, a, b) -> suggestReason(b));
        id.berkasdesa.common.ui.WrappingCells.install(checksList, t -> t, t -> t.equals(messages.get("dinas.requests.noChecks"))
                ? null : "field-warning");
        id.berkasdesa.common.ui.WrappingCells.install(contentList, t -> t, t -> null);
        detail.setVisible(false);
        for (var n : List.of(decideForm, endorseForm, formProblem, holdLabel, urgentLabel, withdrawButton)) {
            n.managedProperty().bind(n.visibleProperty());
        }
        scanImage.fitWidthProperty().bind(scanScroll.widthProperty().subtract(18));
        scanProblem.managedProperty().bind(scanProblem.visibleProperty());
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::keys);
    }

    private void keys(KeyEvent e) {
        if (e.isShortcutDown() && (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.UP)) {
            move(e.getCode() == KeyCode.DOWN ? 1 : -1);
        } else if (e.isShortcutDown() && (e.getCode() == KeyCode.PAGE_DOWN || e.getCode() == KeyCode.PAGE_UP)) {
            showPage(pageAt + (e.getCode() == KeyCode.PAGE_DOWN ? 1 : -1));
        } else if (e.isShortcutDown() && e.getCode() == KeyCode.B) {
            enlarge();
        } else if (e.isShortcutDown() && e.getCode() == KeyCode.ENTER) {
            if (decideForm.isVisible()) {
                save();
            } else if (endorseForm.isVisible()) {
                endorse();
            }
        } else if (e.isAltDown() && decideForm.isVisible() && !saveButton.isDisabled()
                && (e.getCode() == KeyCode.DIGIT1 || e.getCode() == KeyCode.DIGIT2 || e.getCode() == KeyCode.DIGIT3)) {
            decisionBox.setValue(DecisionService.Decision.values()[e.getCode().ordinal() - KeyCode.DIGIT1.ordinal()]);
            take();
            reasonBox.requestFocus();
        } else {
            return;
        }
        e.consume();
    }

    /** The next (+1) or previous (-1) request of the list, opened. */
    private void move(int by) {
        int at = table.getSelectionModel().getSelectedIndex() + by;
        if (at >= 0 && at < table.getItems().size()) {
            table.getSelectionModel().clearAndSelect(at);
            table.scrollTo(Math.max(0, at - 3));
        }
    }

    @Override
    public void shown() {
        Session s = who.get();
        endorseAllButton.setVisible(s.may("dinas.endorse"));
        keysLabel.setText(messages.get(s.may("dinas.endorse") ? "dinas.requests.keys.endorse"
                : s.may("dinas.decide") ? "dinas.requests.keys" : "dinas.requests.keys.read"));
        runner.run("", p -> vm.reasons(), r -> reasonBox.setItems(FXCollections.observableArrayList(r)), this::failed);
        refresh();
        table.requestFocus();
    }

    /**
     * Reads the list afresh, keeping the request chosen when the list arrives (the officer may have
     * moved on meanwhile) when it is still there, and opens it once.
     */
    public void refresh() {
        StatusChoice s = statusBox.getValue();
        CheckChoice c = checkBox.getValue();
        runner.run("", p -> vm.list(s == null ? null : s.status(), c == null ? null : c.check()), list -> {
            DinasService.ReceivedRequest now = table.getSelectionModel().getSelectedItem();
            int at = 0;
            for (int i = 0; now != null && i < list.size(); i++) {
                if (list.get(i).id().equals(now.id())) {
                    at = i;
                }
            }
            updating = true;
            try {
                table.getItems().setAll(list);
                if (!list.isEmpty()) {
                    table.getSelectionModel().clearAndSelect(at);
                    table.scrollTo(Math.max(0, at - 3));
                }
            } finally {
                updating = false;
            }
            countLabel.setText(messages.get("dinas.requests.count", list.size()));
            if (list.isEmpty()) {
                detail.setVisible(false);
            } else {
                open(list.get(at));
            }
        }, this::failed);
    }

    private void open(DinasService.ReceivedRequest r) {
        if (r == null) {
            return;
        }
        opening.run(p -> vm.open(r.id()), this::show, this::failed);
    }

    private void show(RequestsViewModel.Opened o) {
        opened = o;
        DinasService.ReceivedRequest r = o.request();
        detail.setVisible(true);
        titleLabel.setText(r.name() == null || r.name().isBlank() ? r.nik() : r.name());
        subLabel.setText(messages.get("dinas.requests.sub", r.nik(), r.noKk() == null ? "" : r.noKk(), r.kodeDesa(),
                r.receivedAt() == null ? "" : id.berkasdesa.common.DateText.format(r.receivedAt().toLocalDate()), r.version()));
        checksList.getItems().setAll(r.checks().isEmpty() ? List.of(messages.get("dinas.requests.noChecks"))
                : r.checks().stream().map(c -> messages.get(c.messageKey())).toList());
        contentList.getItems().setAll(o.content().stream().map(e -> e.getKey() + ": " + e.getValue()).toList());
        if (!o.history().isEmpty()) {
            contentList.getItems().add(messages.get("dinas.requests.history", o.history().size()));
        }
        urgentLabel.setVisible(r.checks().contains(Check.MENDESAK) && !DecisionService.ENDORSED.equals(r.status()));
        if (urgentLabel.isVisible() && r.receivedAt() != null) {
            long left = 72 - Duration.between(r.receivedAt(), OffsetDateTime.now()).toHours();
            urgentLabel.setText(left > 0 ? messages.get("dinas.requests.urgentLeft", left) : messages.get("dinas.requests.urgentOver"));
        }
        DecisionService.State st = o.state();
        stateLabel.setText(st.decision() == null ? messages.get("dinas.requests.undecided")
                : messages.get("dinas.requests.decided", messages.get("dinas.decision." + st.decision()),
                        st.reasonCode() == null ? "" : reasonWords(st.reasonCode()), st.decidedBy(),
                        st.note() == null ? "" : st.note())
                        + (st.endorsedBy() == null ? "" : " " + messages.get("dinas.requests.endorsedBy", st.endorsedBy())));
        Session s = who.get();
        boolean received = DinasService.RECEIVED.equals(st.status());
        boolean decided = DecisionService.DECIDED.equals(st.status());
        decideForm.setVisible(s.may("dinas.decide") && (received || decided && s.operator().equals(st.decidedBy())));
        withdrawButton.setVisible(decided && s.operator().equals(st.decidedBy()));
        endorseForm.setVisible(s.may("dinas.endorse") && decided);
        String other = st.takenBy() != null && !st.takenBy().equals(s.operator()) && received ? st.takenBy() : null;
        holdLabel.setVisible(other != null);
        holdLabel.setText(other == null ? "" : messages.get("dinas.requests.heldBy", other));
        saveButton.setDisable(false);
        formProblem.setVisible(false);
        decisionBox.setValue(st.decision() == null ? null : DecisionService.Decision.of(st.decision()).orElse(null));
        reasonBox.setValue(st.reasonCode() == null ? null
                : reasonBox.getItems().stream().filter(c -> c.code().equals(st.reasonCode())).findFirst().orElse(null));
        noteArea.setText(st.note() == null ? "" : st.note());
        pages = o.pages();
        String missing = o.scans().stream().filter(x -> x.problem() != null).map(RequestsViewModel.ScanPages::problem)
                .collect(Collectors.joining(" "));
        scanProblem.setText(missing);
        scanProblem.setVisible(!missing.isEmpty());
        scanImage.setImage(null);
        showPage(0);
    }

    /** Page {@code index} of every page of the request's scans (Ctrl+PgDn, Ctrl+PgUp), drawn off the FX thread. */
    private void showPage(int index) {
        if (opened == null) {
            return;
        }
        if (pages.isEmpty()) {
            pageAt = 0;
            scanLabel.setText(messages.get("dinas.scans.none"));
            prevPageButton.setDisable(true);
            nextPageButton.setDisable(true);
            enlargeButton.setDisable(true);
            return;
        }
        pageAt = Math.max(0, Math.min(index, pages.size() - 1));
        prevPageButton.setDisable(pageAt == 0);
        nextPageButton.setDisable(pageAt == pages.size() - 1);
        enlargeButton.setDisable(false);
        RequestsViewModel.Page p = pages.get(pageAt);
        RequestsViewModel.ScanPages scan = opened.scans().get(p.scan());
        scanLabel.setText(pageWords(messages, opened, p));
        rendering.run(x -> vm.render(scan, p.page()), image -> {
            scanImage.setImage(image);
            scanScroll.setVvalue(0);
        }, e -> {
            scanProblem.setText(e instanceof MessageException m ? m.message(messages) : messages.get("document.error.viewFailed"));
            scanProblem.setVisible(true);
        });
    }

    /** "Surat faskes · halaman 1 dari 2 · berkas 3 dari 4". */
    static String pageWords(Messages messages, RequestsViewModel.Opened o, RequestsViewModel.Page p) {
        RequestsViewModel.ScanPages scan = o.scans().get(p.scan());
        String kind = messages.has("document.kind." + scan.scan().kind()) ? messages.get("document.kind." + scan.scan().kind())
                : scan.scan().kind();
        return messages.get("dinas.scans.page", kind, p.page() + 1, scan.pages(), p.scan() + 1, o.scans().size());
    }

    @FXML
    void nextPage() {
        showPage(pageAt + 1);
    }

    @FXML
    void previousPage() {
        showPage(pageAt - 1);
    }

    /** Perbesar (Ctrl+B): the scans in a window of their own, at the page on show. */
    @FXML
    void enlarge() {
        if (opened != null && !pages.isEmpty()) {
            ScanViewer.show(vm, opened, pageAt, messages, runner, dialogs);
        }
    }

    /** A decision chosen: the reason that usually goes with it, unless one is chosen already. */
    private void suggestReason(DecisionService.Decision d) {
        if (d == null || reasonBox.getValue() != null || opened == null) {
            return;
        }
        String code = d == DecisionService.Decision.DISETUJUI ? "lengkap"
                : opened.request().checks().contains(Check.PERNAH_REAKTIVASI) ? "pernah-reaktivasi"
                : opened.request().checks().contains(Check.BATAS_WAKTU) ? "batas-waktu"
                : opened.request().checks().contains(Check.WILAYAH) ? "bukan-wilayah"
                : opened.request().checks().contains(Check.GANDA) ? "ganda"
                : opened.request().checks().contains(Check.SURAT_FASKES) ? "dokumen-kurang" : null;
        reasonBox.getItems().stream().filter(c -> c.code().equals(code)).findFirst().ifPresent(reasonBox::setValue);
    }

    /** The Verifikator starts on this request: others are told it is being checked. */
    private void take() {
        if (opened == null || !decideForm.isVisible() || !DinasService.RECEIVED.equals(opened.state().status())) {
            return;
        }
        String id = opened.request().id();
        runner.run("", p -> vm.take(id), held -> {
            holdLabel.setVisible(held.isPresent());
            held.ifPresent(by -> holdLabel.setText(messages.get("dinas.requests.heldBy", by)));
            saveButton.setDisable(held.isPresent());
        }, this::failed);
    }

    /** Simpan keputusan (Ctrl+Enter): the proposal saved, then the next request. */
    @FXML
    void save() {
        if (opened == null || saveButton.isDisabled()) {
            return;
        }
        DecisionService.Decision d = decisionBox.getValue();
        RequestsViewModel.ReasonChoice reason = reasonBox.getValue();
        if (d == null || reason == null) {
            formProblem.setText(messages.get(d == null ? "dinas.requests.chooseDecision" : "dinas.requests.chooseReason"));
            formProblem.setVisible(true);
            (d == null ? decisionBox : reasonBox).requestFocus();
            return;
        }
        String id = opened.request().id();
        String note = noteArea.getText();
        runner.run(messages.get("dinas.requests.saving"), p -> vm.decide(List.of(id), d, reason.code(), note), n -> {
            afterChange();
            move(1);
            table.requestFocus();
        }, this::failed);
    }

    @FXML
    void withdraw() {
        if (opened == null) {
            return;
        }
        String id = opened.request().id();
        runner.run("", p -> {
            vm.withdraw(id);
            return null;
        }, x -> afterChange(), this::failed);
    }

    /** Sahkan (Ctrl+Enter): every chosen request that has a proposal; the decisions are locked. */
    @FXML
    void endorse() {
        List<String> ids = table.getSelectionModel().getSelectedItems().stream()
                .filter(r -> DecisionService.DECIDED.equals(r.status())).map(DinasService.ReceivedRequest::id).toList();
        if (ids.isEmpty() || !who.get().may("dinas.endorse")) {
            return;
        }
        if (ids.size() > 1 && !dialogs.confirm(messages.get("dinas.requests.endorse.title"),
                messages.get("dinas.requests.endorse.many", ids.size()), messages.get("dinas.requests.endorse.yes"),
                messages.get("dialog.cancel"))) {
            return;
        }
        runner.run(messages.get("dinas.requests.saving"), p -> vm.endorse(ids), n -> {
            afterChange();
            move(1);
            table.requestFocus();
        }, this::failed);
    }

    /** Sahkan semua yang diputuskan: every proposal not yet endorsed, after one question. */
    @FXML
    void endorseAll() {
        long n = table.getItems().stream().filter(r -> DecisionService.DECIDED.equals(r.status())).count();
        if (!dialogs.confirm(messages.get("dinas.requests.endorse.title"), messages.get("dinas.requests.endorse.all", n),
                messages.get("dinas.requests.endorse.yes"), messages.get("dialog.cancel"))) {
            return;
        }
        runner.run(messages.get("dinas.requests.saving"), p -> vm.endorseAll(), x -> afterChange(), this::failed);
    }

    private void afterChange() {
        refresh();
    }

    private String statusWords(String status) {
        return messages.get("dinas.status." + status);
    }

    private String reasonWords(String code) {
        return reasonBox.getItems().stream().filter(c -> c.code().equals(code)).map(RequestsViewModel.ReasonChoice::words)
                .findFirst().orElse(code);
    }

    private void failed(Throwable e) {
        if (e instanceof MessageException m) {
            dialogs.error(messages.get("dinas.requests.title"), m.message(messages));
            refresh();
            return;
        }
        org.slf4j.LoggerFactory.getLogger(RequestsView.class).error("district request page failed: {}",
                id.berkasdesa.common.SafeLog.describe(e));
        dialogs.error(messages.get("dinas.requests.title"), messages.get("dinas.ui.failed"));
    }
}
