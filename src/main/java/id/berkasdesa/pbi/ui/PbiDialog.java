package id.berkasdesa.pbi.ui;

import id.berkasdesa.common.MessageException;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.ui.BackgroundTasks;
import id.berkasdesa.common.ui.DialogService;
import id.berkasdesa.common.ui.Fxml;
import id.berkasdesa.common.DateText;
import id.berkasdesa.pbi.PbiList;
import id.berkasdesa.pbi.PbiService;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/**
 * The Dinas Sosial's list before anything is marked: which column is the NIK, the name, the No. KK
 * and the deactivation date (found by name, changeable, remembered for the next list), one date for
 * the whole list when it has none, who matched, who is not in this register (saved as a CSV for the
 * Dinas Sosial) and what is wrong with which row. Tandai marks; Batal writes nothing.
 */
final class PbiDialog {

    @FXML VBox root;
    @FXML Label fileLabel, summaryLabel, forAllMessage;
    @FXML ComboBox<String> nikBox, namaBox, kkBox, dateBox;
    @FXML TextField forAllField;
    @FXML Tab matchedTab, unmatchedTab, problemsTab;
    @FXML javafx.scene.control.TabPane tabs;
    @FXML TableView<PbiService.Matched> matched;
    @FXML TableColumn<PbiService.Matched, String> colWhere, colNik, colListName, colRegisterName, colDeleted;
    @FXML ListView<String> unmatched;
    @FXML ListView<id.berkasdesa.imports.Problem> problems;
    @FXML Button saveUnmatchedButton;

    private final Messages messages;
    private final PbiService pbi;
    private final BackgroundTasks runner;
    private final DialogService dialogs;
    private final Path file;
    private final PbiList list;
    private final Parent view;
    private PbiService.Preview current;
    private Button markButton;
    private boolean filling;
    private final BackgroundTasks.Latest<PbiService.Preview> latest;

    private PbiDialog(Messages messages, PbiService pbi, BackgroundTasks runner, DialogService dialogs, Path file, PbiList list) {
        this.messages = messages;
        this.pbi = pbi;
        this.runner = runner;
        this.dialogs = dialogs;
        this.file = file;
        this.list = list;
        this.latest = runner.latest();
        this.view = Fxml.load(this, messages);
    }

    /** @return the preview to apply; empty when cancelled */
    static Optional<PbiService.Preview> ask(Messages messages, DialogService dialogs, BackgroundTasks runner, PbiService pbi,
            Path file, PbiList list, PbiService.Preview first, PbiList.Columns remembered) {
        PbiDialog d = new PbiDialog(messages, pbi, runner, dialogs, file, list);
        Dialog<PbiService.Preview> dialog = DialogService.wide(messages.get("pbi.title"), d.view, messages.get("pbi.apply"),
                messages.get("dialog.cancel"), 640);
        ButtonType mark = dialog.getDialogPane().getButtonTypes().get(0);
        d.markButton = (Button) dialog.getDialogPane().lookupButton(mark);
        d.fill(first == null ? remembered : first.columns());
        d.show(first);
        dialog.setResultConverter(b -> b == mark ? d.current : null);
        dialog.setOnShown(e -> (d.current == null ? d.nikBox : d.current.needsDate() ? d.forAllField : d.matched).requestFocus());
        return dialogs.show(dialog);
    }

    @FXML
    void initialize() {
        id.berkasdesa.common.ui.KeyboardEntry.ctrlTabSwitches(tabs);
        colWhere.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().where()));
        colNik.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().nik()));
        colListName.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().listName()));
        colRegisterName.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().registerName()));
        colDeleted.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().deletedOn() == null ? "–"
                : DateText.format(c.getValue().deletedOn())));
        for (ComboBox<String> box : List.of(nikBox, namaBox, kkBox, dateBox)) {
            box.valueProperty().addListener((o, a, b) -> rematch());
        }
        forAllField.textProperty().addListener((o, a, b) -> rematch());
        id.berkasdesa.common.ui.WrappingCells.install(problems, x -> x.line(messages),
                x -> x.isError() ? "field-error" : "field-warning");
        DialogService.wrapWhole(fileLabel, summaryLabel);
    }

    private void fill(PbiList.Columns columns) {
        filling = true;
        String none = messages.get("pbi.col.none");
        List<String> choices = new ArrayList<>();
        choices.add(none);
        list.headers().stream().filter(h -> !h.isEmpty()).forEach(choices::add);
        for (ComboBox<String> box : List.of(nikBox, namaBox, kkBox, dateBox)) {
            box.getItems().setAll(choices);
        }
        nikBox.setValue(or(columns.nik(), none));
        namaBox.setValue(or(columns.nama(), none));
        kkBox.setValue(or(columns.noKk(), none));
        dateBox.setValue(or(columns.tanggal(), none));
        fileLabel.setText(messages.get("pbi.file", file.getFileName().toString(), list.sheet(), list.headerRow()));
        filling = false;
    }

    private static String or(String value, String none) {
        return value == null ? none : value;
    }

    private String chosen(ComboBox<String> box) {
        String v = box.getValue();
        return v == null || v.equals(messages.get("pbi.col.none")) ? null : v;
    }

    private void rematch() {
        if (filling) {
            return;
        }
        LocalDate forAll = null;
        String typed = forAllField.getText() == null ? "" : forAllField.getText().strip();
        if (!typed.isEmpty()) {
            Optional<LocalDate> d = DateText.parse(typed);
            if (d.isEmpty()) {
                forAllMessage.setText(messages.get("pbi.forAll.bad"));
                markButton.setDisable(true);
                return;
            }
            forAll = d.get();
        }
        forAllMessage.setText("");
        PbiList.Columns columns = new PbiList.Columns(chosen(nikBox), chosen(namaBox), chosen(kkBox), chosen(dateBox));
        LocalDate date = forAll;
        markButton.setDisable(true);
        latest.run(p -> pbi.match(file, list, columns, date), this::show, e -> {
            current = null;
            summaryLabel.setText(e instanceof MessageException m ? m.message(messages) : messages.get("pbi.failed"));
            markButton.setDisable(true);
        });
    }

    private void show(PbiService.Preview p) {
        current = p;
        if (p == null) {
            summaryLabel.setText(messages.get("pbi.chooseNik"));
            markButton.setDisable(true);
            return;
        }
        summaryLabel.setText(messages.get("pbi.summary", p.rows(), p.matched().size(), p.unmatched().size(), p.errors())
                + (p.needsDate() ? "\n" + messages.get("pbi.error.noDate") : ""));
        matched.getItems().setAll(p.matched());
        unmatched.getItems().setAll(p.unmatched().stream().map(u -> messages.get("pbi.unmatched.line", u.where(), u.nik(),
                u.listName())).toList());
        problems.getItems().setAll(p.problems());
        matchedTab.setText(messages.get("pbi.tab.matched") + " (" + p.matched().size() + ")");
        unmatchedTab.setText(messages.get("pbi.tab.unmatched") + " (" + p.unmatched().size() + ")");
        problemsTab.setText(messages.get("import.preview.problemsTab") + " (" + p.problems().size() + ")");
        saveUnmatchedButton.setDisable(p.unmatched().isEmpty());
        markButton.setText(messages.get("pbi.apply.count", p.matched().size()));
        markButton.setDisable(p.needsDate() || p.matched().isEmpty());
    }

    @FXML
    void saveUnmatched() {
        if (current == null) {
            return;
        }
        List<PbiService.Unmatched> rows = current.unmatched();
        dialogs.chooseSaveFile(messages.get("pbi.unmatched.save"), messages.get("pbi.unmatched.fileName")).ifPresent(target ->
                runner.run("", p -> {
                    PbiService.exportUnmatched(rows, target);
                    return target;
                }, t -> dialogs.info(messages.get("pbi.title"), messages.get("pbi.unmatched.saved", rows.size(), t.toString())),
                        e -> dialogs.error(messages.get("pbi.title"), e instanceof MessageException m ? m.message(messages)
                                : messages.get("pbi.failed"))));
    }
}
