package id.berkasdesa.backup.ui;

import id.berkasdesa.backup.BackupService;
import id.berkasdesa.exchange.Progress;
import id.berkasdesa.common.MessageException;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.ui.BackgroundTasks;
import id.berkasdesa.common.ui.DialogService;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Berkas → Cadangkan ke flashdisk… (Administrator): the folder (the stick), the last verified backup,
 * and the backup itself with its progress; Batal stops it and leaves no file; the result names the
 * file and the figures its trial restore checked.
 */
public final class BackupDialog {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy HH.mm", Locale.forLanguageTag("id"));

    private final BackupService backups;
    private final Messages messages;
    private final DialogService dialogs;
    private final BackgroundTasks tasks;
    private final Runnable changed;
    final TextField folder = new TextField();
    final Label last = new Label();
    final Label message = new Label();
    private volatile Progress running;

    /** @param changed told after a backup was made (the status bar shows the last one) */
    public BackupDialog(BackupService backups, Messages messages, DialogService dialogs, BackgroundTasks tasks, Runnable changed) {
        this.backups = backups;
        this.messages = messages;
        this.dialogs = dialogs;
        this.tasks = tasks;
        this.changed = changed;
    }

    /** The last verified backup in words (saying so when it is due), for this dialog and the status bar. */
    public static String lastText(BackupService.Status status, Messages messages) {
        return status.last().map(l -> messages.get(status.due() ? "backup.last.due" : "backup.last",
                WHEN.format(l.at().atZone(ZoneId.systemDefault())), status.warnDays()))
                .orElse(messages.get("backup.last.never"));
    }

    public void show(Optional<Path> stick) {
        folder.setId("backupFolder");
        folder.setPromptText(messages.get("backup.dialog.folderPrompt"));
        stick.ifPresent(p -> folder.setText(p.toString()));
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button choose = new Button(messages.get("backup.dialog.choose"));
        choose.setId("chooseBackupFolder");
        choose.setOnAction(e -> dialogs.chooseFolder(messages.get("backup.dialog.choose")).ifPresent(p -> folder.setText(p.toString())));
        Label intro = new Label(messages.get("backup.dialog.intro"));
        Label folderLabel = new Label(messages.get("backup.dialog.folder"));
        folderLabel.setLabelFor(folder);
        last.setId("backupLast");
        message.setId("backupMessage");
        ProgressBar bar = new ProgressBar();
        bar.setId("backupProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(tasks.progress());
        bar.visibleProperty().bind(tasks.busy());
        VBox box = new VBox(10, intro, last, folderLabel, new HBox(8, folder, choose), bar, message);
        box.setPrefWidth(640);
        DialogService.wrapWhole(intro, last, message);
        refresh();
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle(messages.get("backup.dialog.title"));
        ButtonType start = new ButtonType(messages.get("backup.dialog.start"), ButtonBar.ButtonData.OK_DONE);
        ButtonType close = new ButtonType(messages.get("backup.dialog.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(start, close);
        dialog.getDialogPane().setContent(box);
        Button startButton = (Button) dialog.getDialogPane().lookupButton(start);
        startButton.setId("startBackup");
        Button closeButton = (Button) dialog.getDialogPane().lookupButton(close);
        startButton.disableProperty().bind(tasks.busy());
        tasks.busy().addListener((o, was, busy) ->
                closeButton.setText(messages.get(busy ? "backup.dialog.cancel" : "backup.dialog.close")));
        startButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // the dialog stays open: progress, then the result
            start();
        });
        closeButton.addEventFilter(ActionEvent.ACTION, e -> {
            Progress p = running;
            if (p != null) {
                p.cancel();
                e.consume();
            }
        });
        dialog.setOnCloseRequest(e -> {
            if (running != null) {
                e.consume();
            }
        });
        if (stick.isPresent()) {
            // "Ya, cadangkan" after a bundle went to this stick: the backup starts at once, with Batal in reach
            dialog.setOnShown(e -> {
                closeButton.requestFocus();
                javafx.application.Platform.runLater(this::start);
            });
        } else {
            DialogService.focusWhenShown(dialog, folder);
        }
        dialogs.show(dialog);
    }

    private void refresh() {
        tasks.run("", p -> backups.status(), status -> {
            last.setText(lastText(status, messages));
            last.getStyleClass().setAll(status.due() ? "warning-banner" : "info-banner");
            DialogService.fit(last);
        }, e -> say(text(e)));
    }

    private void start() {
        String typed = folder.getText() == null ? "" : folder.getText().strip();
        if (typed.isEmpty()) {
            say(messages.get("backup.dialog.noFolder"));
            folder.requestFocus();
            return;
        }
        Path target;
        try {
            target = Path.of(typed);
        } catch (java.nio.file.InvalidPathException e) {
            say(messages.get("backup.dialog.badFolder", typed));
            return;
        }
        say(messages.get("backup.dialog.working"));
        tasks.run(messages.get("backup.dialog.working"), p -> {
            running = new Progress(p);
            try {
                return backups.create(target, BackupService.DEFAULT_KEEP, running);
            } finally {
                running = null;
            }
        }, r -> {
            say(messages.get("backup.dialog.done", r.file().toString(), r.checked().households(),
                    r.checked().members().values().stream().mapToLong(Long::longValue).sum(), r.checked().documents(),
                    // one decimal, as a bundle's size: a small village's backup is not "0 MB"
                    String.format(java.util.Locale.ROOT, "%.1f", r.bytes() / 1_048_576.0), r.removed().size()));
            message.getStyleClass().setAll("info-banner");
            refresh();
            changed.run();
        }, e -> {
            say(text(e));
            message.getStyleClass().setAll("warning-banner");
        });
    }

    private void say(String text) {
        message.setText(text);
        DialogService.fit(message);
    }

    private String text(Throwable e) {
        return e instanceof MessageException m ? m.message(messages) : messages.get("backup.dialog.failed");
    }
}
