package id.berkasdesa.pbi.ui;

import id.berkasdesa.common.Messages;
import id.berkasdesa.common.ui.BackgroundTasks;
import id.berkasdesa.common.ui.Fxml;
import id.berkasdesa.common.DateText;
import id.berkasdesa.pbi.PbiService;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;

/**
 * Calon usulan: the members the Dinas Sosial's list marked PBI-JK nonaktif who could still be
 * reactivated, urgent-looking first, then by the days left in their window. Enter (or the button,
 * or a double click) starts the request for the chosen person.
 */
public final class CandidatesView implements id.berkasdesa.common.ui.Page {

    @FXML BorderPane root;
    @FXML TableView<PbiService.Candidate> table;
    @FXML TableColumn<PbiService.Candidate, String> colNama, colNik, colKk, colDeleted, colDeadline, colLeft, colUrgent;
    @FXML Label countLabel, placeholder;
    @FXML Button startButton;

    private final PbiService pbi;
    private final Messages messages;
    private final BackgroundTasks runner;
    private final Consumer<PbiService.Candidate> start;
    private final Parent view;

    /** @param start told of the person whose request the operator starts */
    public CandidatesView(PbiService pbi, Messages messages, BackgroundTasks runner, Consumer<PbiService.Candidate> start) {
        this.pbi = pbi;
        this.messages = messages;
        this.runner = runner;
        this.start = start;
        this.view = Fxml.load(this, messages);
    }

    @Override
    public Parent view() {
        return view;
    }

    @FXML
    void initialize() {
        colNama.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().nama()));
        colNik.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().nik()));
        colKk.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().noKk()));
        colDeleted.setCellValueFactory(c -> new ReadOnlyStringWrapper(DateText.format(c.getValue().deletedOn())));
        colDeadline.setCellValueFactory(c -> new ReadOnlyStringWrapper(DateText.format(c.getValue().deadline())));
        colLeft.setCellValueFactory(c -> new ReadOnlyStringWrapper(messages.get("pbi.candidates.days", c.getValue().daysLeft())));
        // days left closer than the amber setting: amber, as the request form's deadline
        colLeft.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().remove("days-soon");
                PbiService.Candidate c = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (c != null && c.soon()) {
                    getStyleClass().add("days-soon");
                }
            }
        });
        colUrgent.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().urgent()
                ? messages.get("pbi.candidates.urgent") : ""));
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                start();
                e.consume();
            }
        });
        table.setRowFactory(t -> {
            javafx.scene.control.TableRow<PbiService.Candidate> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    start();
                }
            });
            return row;
        });
        startButton.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
    }

    /** Reads the list afresh (on the worker) and shows it, the first person chosen and the table focused. */
    /** Shown: the list is read again (the Dinas Sosial's list or the register may have changed). */
    @Override
    public void shown() {
        refresh();
    }

    public void refresh() {
        runner.run("", p -> pbi.candidates(), c -> {
            table.getItems().setAll(c.list());
            countLabel.setText(c.expired() == 0 ? messages.get("pbi.candidates.countAll", c.list().size())
                    : messages.get("pbi.candidates.count", c.list().size(), c.expired()));
            if (!c.list().isEmpty()) {
                table.getSelectionModel().selectFirst();
            }
            table.requestFocus();
        }, e -> countLabel.setText(messages.get("pbi.failed")));
    }

    @FXML
    void start() {
        PbiService.Candidate c = table.getSelectionModel().getSelectedItem();
        if (c != null) {
            start.accept(c);
        }
    }
}
