package id.berkasdesa.dinas.ui;

import id.berkasdesa.common.MessageException;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.Session;
import id.berkasdesa.common.ui.BackgroundTasks;
import id.berkasdesa.common.ui.DialogService;
import id.berkasdesa.common.ui.Fxml;
import id.berkasdesa.common.ui.Page;
import id.berkasdesa.dinas.DecisionService;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * Ganda: every NIK in more than one open request, across villages. An officer settles each by hand:
 * Bukan ganda (with the reason), or Gabungkan (one request kept, the others proposed Ditolak "ganda"
 * naming the kept one's village). Nothing merges by itself.
 */
public final class DuplicatesView implements Page {

    @FXML TableView<DecisionService.Duplicate> table;
    @FXML TableColumn<DecisionService.Duplicate, String> colNik, colVillages, colRequests, colState;
    @FXML Button notButton, mergeButton;
    @FXML Label countLabel;

    private final DecisionService decisions;
    private final Messages messages;
    private final BackgroundTasks runner;
    private final DialogService dialogs;
    private final Supplier<Session> who;
    private final Parent view;

    public DuplicatesView(DecisionService decisions, Messages messages, BackgroundTasks runner, DialogService dialogs,
            Supplier<Session> who) {
        this.decisions = decisions;
        this.messages = messages;
        this.runner = runner;
        this.dialogs = dialogs;
        this.who = who;
        this.view = Fxml.load(this, messages);
    }

    @Override
    public Parent view() {
        return view;
    }

    @FXML
    void initialize() {
        colNik.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().nik()));
        colVillages.setCellValueFactory(c -> new ReadOnlyStringWrapper(String.join(", ", c.getValue().villages())));
        colRequests.setCellValueFactory(c -> new ReadOnlyStringWrapper(String.valueOf(c.getValue().requests().size())));
        colState.setCellValueFactory(c -> new ReadOnlyStringWrapper(messages.get("dinas.duplicates.state." + c.getValue().state())));
        var chosen = table.getSelectionModel().selectedItemProperty();
        var open = javafx.beans.binding.Bindings.createBooleanBinding(() -> chosen.get() == null
                || !DecisionService.OPEN.equals(chosen.get().state()), chosen);
        notButton.disableProperty().bind(open);
        mergeButton.disableProperty().bind(open);
    }

    @Override
    public void shown() {
        notButton.setVisible(who.get().may("dinas.duplicate"));
        mergeButton.setVisible(who.get().may("dinas.decide"));
        refresh();
        table.requestFocus();
    }

    public void refresh() {
        runner.run("", p -> decisions.duplicates(), d -> {
            table.getItems().setAll(d);
            countLabel.setText(messages.get("dinas.duplicates.count", d.stream().filter(x -> DecisionService.OPEN.equals(x.state()))
                    .count(), d.size()));
            if (!d.isEmpty()) {
                table.getSelectionModel().selectFirst();
            }
        }, this::failed);
    }

    /** Bukan ganda: not the same case; the reason is kept. */
    @FXML
    void notDuplicate() {
        DecisionService.Duplicate d = table.getSelectionModel().getSelectedItem();
        if (d == null) {
            return;
        }
        Ask.line(dialogs, messages, messages.get("dinas.duplicates.not.title"), messages.get("dinas.duplicates.not.text", d.nik()),
                "notDuplicateReason").ifPresent(why -> runner.run("", p -> {
                    decisions.notDuplicate(d.nik(), why);
                    return null;
                }, x -> refresh(), this::failed));
    }

    /** Gabungkan: the request kept is chosen from the NIK's requests (village — id). */
    @FXML
    void merge() {
        DecisionService.Duplicate d = table.getSelectionModel().getSelectedItem();
        if (d == null) {
            return;
        }
        List<String> choices = new ArrayList<>();
        for (int i = 0; i < d.requests().size(); i++) {
            choices.add(d.villages().get(i) + " — " + d.requests().get(i));
        }
        ChoiceDialog<String> ask = new ChoiceDialog<>(choices.get(0), choices);
        ask.setTitle(messages.get("dinas.duplicates.merge.title"));
        ask.setHeaderText(null);
        ask.setContentText(messages.get("dinas.duplicates.merge.text", d.nik()));
        dialogs.show(ask).ifPresent(c -> {
            String keep = d.requests().get(choices.indexOf(c));
            runner.run("", p -> {
                decisions.merge(d.nik(), keep, village -> messages.get("dinas.duplicate.mergedNote", village));
                return null;
            }, x -> refresh(), this::failed);
        });
    }

    private void failed(Throwable e) {
        dialogs.error(messages.get("dinas.duplicates.title"), e instanceof MessageException m ? m.message(messages)
                : messages.get("dinas.ui.failed"));
    }
}
