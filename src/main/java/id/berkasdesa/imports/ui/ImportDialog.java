package id.berkasdesa.imports.ui;

import id.berkasdesa.common.Messages;
import id.berkasdesa.common.ui.BackgroundTasks;
import id.berkasdesa.common.ui.DialogService;
import id.berkasdesa.common.ui.Fxml;
import id.berkasdesa.imports.ImportService;
import id.berkasdesa.imports.PopulationPlan;
import id.berkasdesa.imports.PopulationPlan.Confirm;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;

/**
 * The preview of a population file before anything is written: how many KKs and people are new,
 * changed or the same; every problem as {@code sheet!row column: message}; every change old → new;
 * and a box to tick for each kind of change that needs the operator's own yes (moves, deaths,
 * another village's KKs). Ticking one works the plan out again. Impor writes, Batal writes nothing.
 */
final class ImportDialog {

    @FXML VBox root, confirmBox;
    @FXML Label fileLabel, householdsLabel, membersLabel, problemsLabel, ignoredLabel;
    @FXML CheckBox movesBox, statusBox, otherVillageBox;
    @FXML TabPane tabs;
    @FXML Tab problemsTab, changesTab;
    @FXML ListView<id.berkasdesa.imports.Problem> problems;
    @FXML TableView<PopulationPlan.Change> changes;
    @FXML TableColumn<PopulationPlan.Change, String> colWhere, colWho, colColumn, colBefore, colAfter;

    private final Messages messages;
    private final ImportService imports;
    private final BackgroundTasks runner;
    private final Parent view;
    private ImportService.Preview current;
    private Button importButton;

    private ImportDialog(Messages messages, ImportService imports, BackgroundTasks runner) {
        this.messages = messages;
        this.imports = imports;
        this.runner = runner;
        this.view = Fxml.load(this, messages);
    }

    /** @return the preview to apply, with the confirmations ticked; empty when cancelled */
    static Optional<Choice> ask(Messages messages, DialogService dialogs, BackgroundTasks runner, ImportService imports,
            ImportService.Preview preview) {
        ImportDialog d = new ImportDialog(messages, imports, runner);
        Dialog<Choice> dialog = DialogService.wide(messages.get("import.title"), d.view, messages.get("import.apply"),
                messages.get("dialog.cancel"), 640);
        ButtonType apply = dialog.getDialogPane().getButtonTypes().get(0);
        d.importButton = (Button) dialog.getDialogPane().lookupButton(apply);
        d.show(preview);
        dialog.setResultConverter(b -> b == apply ? new Choice(d.current, d.confirmed()) : null);
        dialog.setOnShown(e -> (d.confirmBox.isVisible() ? firstVisible(d) : d.tabs).requestFocus());
        return dialogs.show(dialog);
    }

    private static javafx.scene.Node firstVisible(ImportDialog d) {
        for (CheckBox b : new CheckBox[] {d.movesBox, d.statusBox, d.otherVillageBox}) {
            if (b.isVisible()) {
                return b;
            }
        }
        return d.tabs;
    }

    /** What the operator chose: the preview and the changes they allowed. */
    record Choice(ImportService.Preview preview, Set<Confirm> confirmed) {
    }

    @FXML
    void initialize() {
        colWhere.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().where()));
        colWho.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().who()));
        colColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().column()));
        colBefore.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().before()));
        colAfter.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().after()));
        for (javafx.scene.Node n : new javafx.scene.Node[] {confirmBox, movesBox, statusBox, otherVillageBox}) {
            n.managedProperty().bind(n.visibleProperty());
        }
        for (CheckBox b : new CheckBox[] {movesBox, statusBox, otherVillageBox}) {
            b.selectedProperty().addListener((o, was, is) -> reconsider());
        }
        id.berkasdesa.common.ui.WrappingCells.install(problems, x -> x.line(messages),
                x -> x.isError() ? "field-error" : "field-warning");
        DialogService.wrapWhole(fileLabel, ignoredLabel);
        id.berkasdesa.common.ui.KeyboardEntry.ctrlTabSwitches(tabs);
    }

    private Set<Confirm> confirmed() {
        Set<Confirm> c = EnumSet.noneOf(Confirm.class);
        if (movesBox.isSelected()) {
            c.add(Confirm.MOVES);
        }
        if (statusBox.isSelected()) {
            c.add(Confirm.STATUS);
        }
        if (otherVillageBox.isSelected()) {
            c.add(Confirm.OTHER_VILLAGE);
        }
        return c;
    }

    private boolean showing;

    private void reconsider() {
        if (showing) {
            return;
        }
        Set<Confirm> chosen = confirmed();
        importButton.setDisable(true);
        runner.run(messages.get("import.reconsidering"), p -> imports.reconsider(current, chosen), this::show,
                e -> importButton.setDisable(false));
    }

    private void show(ImportService.Preview p) {
        showing = true;
        current = p;
        PopulationPlan plan = p.plan();
        fileLabel.setText(messages.get("import.preview.file", p.file().getFileName().toString(),
                messages.get("import.format." + p.format().name().toLowerCase(java.util.Locale.ROOT))));
        householdsLabel.setText(counts(plan.households()));
        membersLabel.setText(counts(plan.members()));
        problemsLabel.setText(messages.get("import.preview.problemCounts", plan.errors(), plan.warnings()));
        problems.getItems().setAll(p.problems());
        changes.getItems().setAll(plan.changes());
        problemsTab.setText(messages.get("import.preview.problemsTab") + " (" + p.problems().size() + ")");
        changesTab.setText(messages.get("import.preview.changesTab") + " (" + plan.changes().size() + ")");
        Map<Confirm, Integer> pending = plan.pending();
        box(movesBox, Confirm.MOVES, "import.confirm.box.moves", pending, p.confirmed());
        box(statusBox, Confirm.STATUS, "import.confirm.box.status", pending, p.confirmed());
        box(otherVillageBox, Confirm.OTHER_VILLAGE, "import.confirm.box.otherVillage", pending, p.confirmed());
        confirmBox.setVisible(movesBox.isVisible() || statusBox.isVisible() || otherVillageBox.isVisible());
        ignoredLabel.setText(p.read().ignored().isEmpty() ? "" : messages.get("import.preview.ignored",
                String.join(", ", p.read().ignored())));
        importButton.setText(plan.nothingToWrite() ? messages.get("import.applyNothing")
                : messages.get("import.apply.count", plan.toWrite().size()));
        importButton.setDisable(plan.nothingToWrite());
        showing = false;
    }

    /** A box stays once shown (ticked, its rows no longer wait), with the count it had. */
    private void box(CheckBox box, Confirm kind, String key, Map<Confirm, Integer> pending, Set<Confirm> confirmed) {
        Integer n = pending.get(kind);
        if (n != null) {
            box.setText(messages.get(key, n));
            box.setVisible(true);
        } else if (!confirmed.contains(kind)) {
            box.setVisible(false);
        }
        box.setSelected(confirmed.contains(kind));
    }

    private String counts(PopulationPlan.Counts c) {
        return messages.get("import.preview.counts", c.created(), c.changed(), c.unchanged());
    }
}
