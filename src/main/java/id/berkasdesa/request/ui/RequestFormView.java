package id.berkasdesa.request.ui;

import id.berkasdesa.common.Messages;
import id.berkasdesa.common.MessageException;
import id.berkasdesa.common.ui.Converters;
import id.berkasdesa.common.ui.DialogService;
import id.berkasdesa.common.ui.Fxml;
import id.berkasdesa.common.ui.KeyboardEntry;
import id.berkasdesa.common.ui.BackgroundTasks;
import id.berkasdesa.document.Diagnosis;
import id.berkasdesa.common.DateText;
import id.berkasdesa.request.CheckChannel;
import id.berkasdesa.request.Evaluation;
import id.berkasdesa.request.FollowUp;
import id.berkasdesa.request.ReactivationRequest;
import id.berkasdesa.request.RequestEvent;
import id.berkasdesa.request.RequestService;
import id.berkasdesa.request.RequestStatus;
import id.berkasdesa.request.Route;
import id.berkasdesa.request.RuleCheck;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * One reactivation request: the form on the left, the rules checklist, status actions and history on
 * the right. The checklist follows what is typed (evaluated in the background, nothing saved) and is
 * stored with the request on Ctrl+S.
 */
final class RequestFormView {

    @FXML BorderPane root;
    @FXML Label titleLabel, statusBadge, urgentBadge, messageLabel, personLabel, deadlineLabel, readyLabel;
    @FXML Label checkDateMessage, bpjsMessage, deletionDateMessage, reasonMessage;
    @FXML Button saveButton;
    @FXML TextField checkDateField, bpjsField, deletionDateField;
    @FXML TextArea reasonArea;
    @FXML ComboBox<CheckChannel> channelBox;
    @FXML ComboBox<Route> routeBox;
    @FXML ComboBox<Diagnosis> categoryBox;
    @FXML ComboBox<RequestFormViewModel.Answer> dtsenBox, padanBox;
    @FXML ScrollPane formScroll;
    @FXML GridPane formGrid;
    @FXML VBox sideBox, rulesSection, statusSection, rulesBox, historyBox;
    @FXML FlowPane actionsPane;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    private final Messages messages;
    private final DialogService dialogs;
    private final Runnable back;
    private final Parent view;
    private final RequestFormViewModel vm;

    RequestFormView(RequestService service, Messages messages, BackgroundTasks runner, DialogService dialogs, Runnable back) {
        this.messages = messages;
        this.dialogs = dialogs;
        this.back = back;
        this.vm = new RequestFormViewModel(service, runner);
        this.view = Fxml.load(this, messages);
    }

    Parent view() {
        return view;
    }

    @FXML
    void initialize() {
        channelBox.getItems().setAll(CheckChannel.values());
        channelBox.setConverter(Converters.of(c -> c == null ? "" : messages.get(c.key())));
        routeBox.getItems().setAll(Route.values());
        routeBox.setConverter(Converters.of(r -> r == null ? "" : messages.get(r.key())));
        List<Diagnosis> categories = new ArrayList<>();
        categories.add(null);
        categories.addAll(id.berkasdesa.request.RequestPolicy.URGENT_CHOICES);
        categoryBox.getItems().setAll(categories);
        categoryBox.setConverter(Converters.of(d -> d == null ? messages.get("request.form.category.none")
                : messages.get(d.key())));
        for (ComboBox<RequestFormViewModel.Answer> box : List.of(dtsenBox, padanBox)) {
            box.getItems().setAll(RequestFormViewModel.Answer.values());
            box.setConverter(Converters.of(a -> a == null ? "" : messages.get("request.answer." + a.name())));
        }
        // a ComboBox shows its prompt while its value is null: "not urgent" is a choice, not a blank
        categoryBox.setPromptText(messages.get("request.form.category.none"));
        channelBox.setPromptText(messages.get("request.form.choose"));
        for (ComboBox<?> box : List.of(channelBox, routeBox, categoryBox, dtsenBox, padanBox)) {
            KeyboardEntry.typeAhead(box, messages);
        }
        KeyboardEntry.tabLeaves(reasonArea);
        // Enter follows the visible order, the reason's text area included (Shift+Enter starts a new line in it)
        KeyboardEntry.enterMovesFocus(List.<Control>of(checkDateField, channelBox, bpjsField, deletionDateField,
                routeBox, reasonArea, categoryBox, dtsenBox, padanBox));
        KeyboardEntry.scrollToFocused(formScroll, formGrid);
        // the fields are the view model's; it evaluates what is typed and says what to show
        checkDateField.textProperty().bindBidirectional(vm.checkDate);
        channelBox.valueProperty().bindBidirectional(vm.channel);
        bpjsField.textProperty().bindBidirectional(vm.bpjs);
        deletionDateField.textProperty().bindBidirectional(vm.deletionDate);
        routeBox.valueProperty().bindBidirectional(vm.route);
        reasonArea.textProperty().bindBidirectional(vm.reason);
        categoryBox.valueProperty().bindBidirectional(vm.category);
        dtsenBox.valueProperty().bindBidirectional(vm.dtsen);
        padanBox.valueProperty().bindBidirectional(vm.padan);
        vm.onEdited(() -> {
            messageLabel.getStyleClass().remove("saved");
            messageLabel.setText("");
        });
        // invalidation, not change: an evaluation equal to the last one is drawn again too (the status may differ)
        vm.evaluation().addListener(o -> {
            if (vm.evaluation().get() != null) {
                showEvaluation(vm.evaluation().get());
            }
        });
        vm.problems().addListener(o -> showProblems(vm.problems().get()));
        urgentBadge.managedProperty().bind(urgentBadge.visibleProperty());
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.S) {
                save();
                e.consume();
            } else if (e.isShortcutDown() && e.getCode() == KeyCode.K) {
                makeSktm();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                back();
                e.consume();
            }
        });
    }

    /** A new request for a member, not stored until saved. */
    void startNew(UUID household, UUID member, String nama, String nik, String noKk, java.time.LocalDate deletionDate) {
        titleLabel.setText(messages.get("request.form.titleNew", nama));
        personLabel.setText(messages.get("request.form.person", nik == null ? "-" : nik, noKk));
        vm.startNew(household, member);
        if (deletionDate != null) {
            // the date the Dinas Sosial's list gave (Calon usulan): the operator checks it, does not retype it
            vm.deletionDate.set(id.berkasdesa.common.DateText.format(deletionDate));
        }
        editable();
        showStatus(null, List.of());
        KeyboardEntry.focusWhenShown(checkDateField);
    }

    void load(RequestService.Opened opened) {
        vm.load(opened);
        shown(opened);
    }

    /** The view's part of showing a stored request: the titles, the rules, the status and history, the focus. */
    private void shown(RequestService.Opened opened) {
        titleLabel.setText(messages.get("request.form.title", opened.member().nama()));
        personLabel.setText(messages.get("request.form.person",
                opened.member().nik() == null ? "-" : opened.member().nik(), opened.household().noKk()));
        editable();
        showEvaluation(vm.evaluation().get());
        showStatus(vm.request(), opened.history());
        KeyboardEntry.focusWhenShown(checkDateField.isDisabled() ? firstAction() : checkDateField);
    }

    /** Once sent, the form is read-only: the first status action takes the focus. */
    private Node firstAction() {
        return actionsPane.getChildren().stream().filter(n -> n instanceof Button).findFirst().orElse(root);
    }

    private void editable() {
        boolean editable = vm.editable();
        for (Control c : List.of(checkDateField, channelBox, bpjsField, deletionDateField, routeBox, reasonArea,
                categoryBox, dtsenBox, padanBox)) {
            c.setDisable(!editable);
        }
        saveButton.setDisable(!editable);
    }

    private void showProblems(Map<String, String> problems) {
        show(checkDateMessage, problems.get("checkDate"));
        show(bpjsMessage, problems.get("bpjsNumber"));
        show(deletionDateMessage, problems.get("deletionDate"));
        show(reasonMessage, problems.get("reason"));
    }

    private void show(Label label, String key) {
        label.setText(key == null ? "" : messages.get(key));
        label.setManaged(key != null);
        label.setVisible(key != null);
    }

    private void showEvaluation(Evaluation e) {
        rulesBox.getChildren().clear();
        boolean preparing = vm.editable();
        for (RuleCheck c : e.checks()) {
            // once sent, the rules are a record of what was checked, not errors to fix
            String outcome = preparing ? c.outcome().name().toLowerCase() : "past";
            Label icon = new Label(!preparing ? "·" : switch (c.outcome()) {
                case OK -> "✔";
                case WARN -> "!";
                case BLOCK -> "✖";
            });
            icon.getStyleClass().addAll("rule-icon", "rule-" + outcome);
            icon.setMinWidth(18);
            Label name = new Label(messages.get(c.rule().key()));
            name.getStyleClass().add("rule-name");
            Label text = new Label(c.message(messages));
            text.setWrapText(true);
            text.getStyleClass().add("rule-text");
            VBox body = new VBox(0, name, text);
            HBox.setHgrow(body, Priority.ALWAYS);
            if (preparing && c.rule() == RuleCheck.Rule.DOCUMENTS && c.outcome() != RuleCheck.Outcome.OK
                    && !c.args().isEmpty() && c.args().get(0) == id.berkasdesa.document.DocumentKind.SKTM
                    && letters != null) {
                // the SKTM the village issues itself: made here, it counts at once
                Button sktm = new Button(messages.get("request.form.makeSktm"));
                sktm.setId("makeSktm");
                sktm.setFocusTraversable(false);
                sktm.setOnAction(ev -> makeSktm());
                body.getChildren().add(sktm);
            }
            HBox line = new HBox(6, icon, body);
            line.getStyleClass().addAll("rule-line", "rule-line-" + outcome);
            rulesBox.getChildren().add(line);
        }
        readyLabel.setText(!preparing ? messages.get("request.rules.afterSending")
                : e.ready() ? messages.get("request.rules.ready") : messages.get("request.rules.blocked", e.blocking()));
        readyLabel.getStyleClass().removeAll("rule-ok", "rule-block");
        readyLabel.getStyleClass().add(!preparing ? "text-muted" : e.ready() ? "rule-ok" : "rule-block");
        // once sent, where it stands comes first; the rules stay below for reference
        sideBox.getChildren().setAll(preparing ? List.of(deadlineLabel, rulesSection, statusSection)
                : List.of(statusSection, rulesSection));
        urgentBadge.setVisible(e.urgent());
        deadlineLabel.getStyleClass().removeAll("deadline-ok", "deadline-soon", "deadline-passed", "deadline-unknown");
        deadlineLabel.getStyleClass().add("deadline-" + e.deadlineState().name().toLowerCase());
        deadlineLabel.setText(switch (e.deadlineState()) {
            case UNKNOWN -> messages.get("request.deadline.unknown");
            case OK, SOON -> messages.get("request.deadline.left", e.daysLeft(), DateText.format(e.deadline()));
            case PASSED -> messages.get("request.deadline.passed", DateText.format(e.deadline()));
        });
        deadlineLabel.setVisible(preparing);
        deadlineLabel.setManaged(preparing);
        if (vm.request() == null) {
            statusBadge.setText(messages.get("request.form.unsaved"));
        }
    }

    /** Opens Buat surat for the request's person (household, member, what to do once issued); null: none here. */
    public interface LetterOpener {
        void open(UUID household, UUID member, Runnable issued);
    }

    private LetterOpener letters;

    void letters(LetterOpener opener) {
        this.letters = opener;
    }

    /** Buat SKTM (Ctrl+K): the letter for this request's person; once issued the checklist is evaluated again. */
    private void makeSktm() {
        if (letters != null && vm.editable() && vm.householdId() != null && vm.memberId() != null) {
            letters.open(vm.householdId(), vm.memberId(), vm::preview);
        }
    }

    private void showStatus(ReactivationRequest r, List<RequestEvent> history) {
        actionsPane.getChildren().clear();
        historyBox.getChildren().clear();
        if (r == null) {
            actionsPane.getChildren().add(muted(messages.get("request.status.saveFirst")));
            return;
        }
        statusBadge.setText(messages.get(r.status().key()));
        statusBadge.getStyleClass().removeIf(s -> s.startsWith("status-") && !s.equals("status-badge"));
        statusBadge.getStyleClass().add("status-" + r.status().name().toLowerCase());
        if (r.decisionReason() != null && r.status().needsReason()) {
            Label reason = new Label(messages.get("request.status.reason", r.decisionReason()));
            reason.setId("decisionReasonLabel");
            reason.setWrapText(true);
            reason.getStyleClass().add("decision-reason");
            actionsPane.getChildren().add(reason);
        }
        for (RequestStatus to : r.status().next()) {
            Button b = new Button(messages.get("request.move." + to.name()));
            b.setOnAction(e -> move(to));
            actionsPane.getChildren().add(b);
        }
        if (r.status() == RequestStatus.DRAF) {
            actionsPane.getChildren().add(muted(messages.get("request.status.draftHint")));
        }
        if (r.status() == RequestStatus.AKTIF_KEMBALI && r.followUpDone() == null && r.followUpDue() != null) {
            long left = FollowUp.daysLeft(r.followUpDue(), vm.today());
            Label due = new Label(left >= 0 ? messages.get("request.followUp.left", DateText.format(r.followUpDue()), left)
                    : messages.get("request.followUp.late", DateText.format(r.followUpDue()), -left));
            due.setWrapText(true);
            due.getStyleClass().add(left < 30 ? "deadline-soon" : "deadline-ok");
            Button close = new Button(messages.get("request.followUp.close"));
            close.setOnAction(e -> closeFollowUp());
            actionsPane.getChildren().addAll(due, close);
        }
        if (r.status().preparing()) {
            Button delete = new Button(messages.get("request.form.delete"));
            delete.getStyleClass().add("danger");
            delete.setOnAction(e -> delete());
            actionsPane.getChildren().add(delete);
        }
        Label title = new Label(messages.get("request.history.title"));
        title.getStyleClass().add("section-title");
        historyBox.getChildren().add(title);
        for (RequestEvent ev : history) {
            historyBox.getChildren().add(muted(historyLine(ev)));
        }
    }

    private String historyLine(RequestEvent ev) {
        String at = ev.at().atZoneSameInstant(java.time.ZoneId.systemDefault()).format(STAMP);
        // who recorded it, after the time (lines from before accounts have no name)
        String when = ev.operator() == null ? at : messages.get("request.history.by", at, ev.operator());
        if (ev.followUp()) {
            return messages.get("request.history.followUp", when, DateText.format(ev.date()));
        }
        String status = messages.get(ev.status().key());
        if (ev.bundle() != null && ev.note() != null) {
            return messages.get("request.history.sentNote", when, status, ev.bundle(), ev.note());
        }
        if (ev.bundle() != null) {
            return messages.get("request.history.sent", when, status, ev.bundle());
        }
        if (ev.date() != null) {
            return messages.get("request.history.dated", when, status, DateText.format(ev.date()));
        }
        if (ev.note() != null) {
            return messages.get("request.history.note", when, status, ev.note());
        }
        return messages.get("request.history.plain", when, status);
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("text-muted");
        return l;
    }

    @FXML
    void save() {
        if (!vm.save(messages.get("request.form.saving"), opened -> {
            shown(opened);
            messageLabel.getStyleClass().add("saved");
            messageLabel.setText(messages.get("request.form.saved", messages.get(opened.request().status().key())));
        }, this::failed)) {
            messageLabel.setText(messages.get("request.form.fix"));
        }
    }

    private void move(RequestStatus to) {
        if (vm.dirty().get()) {
            messageLabel.setText(messages.get("request.form.saveBeforeMove"));
            return;
        }
        LocalDate today = vm.today();
        String title = messages.get("request.move." + to.name());
        Optional<LocalDate> date = Optional.empty();
        Optional<String> text = Optional.empty();
        switch (to) {
            case TERKIRIM -> {
                text = AskDialog.text(messages, dialogs, title, messages.get("request.ask.bundle"),
                        messages.get("request.ask.bundle.default", DateText.format(today)));
                if (text.isEmpty()) {
                    return;
                }
            }
            case DITOLAK, GAGAL, PERLU_PERBAIKAN -> {
                text = AskDialog.text(messages, dialogs, title, messages.get("request.ask.reason"), "");
                if (text.isEmpty()) {
                    return;
                }
            }
            case AKTIF_KEMBALI -> {
                date = AskDialog.date(messages, dialogs, title, messages.get("request.ask.reactivated"), today);
                if (date.isEmpty()) {
                    return;
                }
            }
            default -> {
                if (!dialogs.confirm(title, messages.get("request.ask.confirm", messages.get(to.key())),
                        messages.get("request.ask.ok"), messages.get("dialog.cancel"))) {
                    return;
                }
            }
        }
        vm.move(to, date.orElse(null), text.orElse(null), this::shown, this::failed);
    }

    private void closeFollowUp() {
        Optional<LocalDate> date = AskDialog.date(messages, dialogs, messages.get("request.followUp.close"),
                messages.get("request.ask.followUp"), vm.today());
        if (date.isEmpty()) {
            return;
        }
        vm.closeFollowUp(date.get(), this::shown, this::failed);
    }

    private void delete() {
        if (!dialogs.confirmRisky(messages.get("request.form.delete"), messages.get("request.form.delete.confirm"),
                messages.get("request.form.delete"), messages.get("dialog.cancel"))) {
            return;
        }
        vm.delete(back, this::failed);
    }

    private void failed(Throwable e) {
        messageLabel.getStyleClass().remove("saved");
        messageLabel.setText(e instanceof MessageException m ? m.message(messages) : messages.get("request.form.failed"));
    }

    @FXML
    void back() {
        if (vm.dirty().get() && !dialogs.confirmRisky(messages.get("request.form.discard.title"), messages.get("request.form.discard"),
                messages.get("request.form.discard.yes"), messages.get("request.form.discard.no"))) {
            return;
        }
        back.run();
    }
}
