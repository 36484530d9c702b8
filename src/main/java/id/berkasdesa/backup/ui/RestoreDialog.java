package id.berkasdesa.backup.ui;

import id.berkasdesa.backup.Manifest;
import id.berkasdesa.backup.Restore;
import id.berkasdesa.exchange.Progress;
import id.berkasdesa.common.MessageException;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.ui.BackgroundTasks;
import id.berkasdesa.common.ui.DialogService;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Berkas → Pulihkan dari cadangan…: the backup chosen is shown (village, when, what it holds), then
 * the Administrator's name and password valid when it was made, or the recovery code with a new
 * password; over a store with data, only after a confirmation naming that store (it is set aside,
 * not deleted). The store is closed for the restore and the sign-in shows again afterwards.
 */
public final class RestoreDialog {

    /** The window's side: the store in use is closed for a restore and opened again after it. */
    public interface Store {
        Path dataDir();

        /** The village of the store in use, when it holds one (empty: a new PC, nothing to set aside). */
        Optional<String> village();

        /** Closes the store in use (on the worker). */
        void close();

        /** Shows the sign-in of the store now in the data folder (on the JavaFX thread). */
        void reopen();

        /** Sets the Administrator's new password with the recovery code, on the restored store (on the worker). */
        String recover(String code, char[] password);
    }

    private final Store store;
    private final Messages messages;
    private final DialogService dialogs;
    private final BackgroundTasks tasks;
    final Label summary = new Label();
    final CheckBox useCode = new CheckBox();
    final TextField name = new TextField();
    final PasswordField password = new PasswordField();
    final TextField code = new TextField();
    final PasswordField newPassword = new PasswordField();
    final PasswordField again = new PasswordField();
    final CheckBox confirm = new CheckBox();
    final Label message = new Label();

    public RestoreDialog(Store store, Messages messages, DialogService dialogs, BackgroundTasks tasks) {
        this.store = store;
        this.messages = messages;
        this.dialogs = dialogs;
        this.tasks = tasks;
    }

    public void show() {
        dialogs.chooseOpenFile(messages.get("restore.choose"), List.of("zip")).ifPresent(file ->
                tasks.run("", p -> Restore.preview(file), m -> form(file, m),
                        e -> dialogs.error(messages.get("restore.title"), text(e))));
    }

    private void form(Path file, Manifest m) {
        summary.setId("restoreSummary");
        summary.setText(messages.get("restore.summary", file.getFileName().toString(), m.villageLabel(), m.villageCode(),
                BackupDialog.WHEN.format(m.made().atZone(ZoneId.systemDefault())), count(m, "HOUSEHOLD"), count(m, "MEMBER"),
                count(m, "DOCUMENT")));
        useCode.setId("restoreUseCode");
        useCode.setText(messages.get("restore.useCode"));
        name.setId("restoreName");
        password.setId("restorePassword");
        code.setId("restoreCode");
        newPassword.setId("restoreNewPassword");
        again.setId("restoreNewPassword2");
        confirm.setId("restoreConfirm");
        message.setId("restoreMessage");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        Label nameLabel = label("restore.name", name);
        Label passwordLabel = label("restore.password", password);
        Label codeLabel = label("restore.code", code);
        Label newLabel = label("restore.newPassword", newPassword);
        Label againLabel = label("restore.again", again);
        grid.addRow(0, nameLabel, name);
        grid.addRow(1, passwordLabel, password);
        grid.addRow(2, codeLabel, code);
        grid.addRow(3, newLabel, newPassword);
        grid.addRow(4, againLabel, again);
        for (var n : List.of(nameLabel, name, passwordLabel, password)) {
            n.visibleProperty().bind(useCode.selectedProperty().not());
            n.managedProperty().bind(n.visibleProperty());
        }
        for (var n : List.of(codeLabel, code, newLabel, newPassword, againLabel, again)) {
            n.visibleProperty().bind(useCode.selectedProperty());
            n.managedProperty().bind(n.visibleProperty());
        }
        name.setPrefColumnCount(24);
        code.setPrefColumnCount(36);
        Optional<String> there = store.village();
        confirm.setText(there.map(v -> messages.get(v.equals(m.villageLabel()) ? "restore.confirm" : "restore.confirmOther", v,
                m.villageLabel())).orElse(""));
        confirm.setVisible(there.isPresent());
        confirm.setManaged(there.isPresent());
        DialogService.wrapWhole(confirm); // the whole confirmation shows: it names the store set aside
        confirm.selectedProperty().addListener((o, was, now) -> {
            message.setText("");
            message.getStyleClass().clear();
        });
        VBox box = new VBox(10, summary, useCode, grid, confirm, message);
        box.setPrefWidth(640);
        DialogService.wrapWhole(summary, message);
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle(messages.get("restore.title"));
        ButtonType go = new ButtonType(messages.get("restore.go"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(messages.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(go, cancel);
        dialog.getDialogPane().setContent(box);
        Button goButton = (Button) dialog.getDialogPane().lookupButton(go);
        goButton.setId("startRestore");
        goButton.disableProperty().bind(tasks.busy());
        dialog.getDialogPane().lookupButton(cancel).disableProperty().bind(tasks.busy());
        goButton.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume(); // the dialog stays open until the restore is done (it then closes itself)
            start(file, there.isPresent(), dialog::close);
        });
        // after the window has the focus (asked at once, the first check box kept it in a real window)
        dialog.setOnShown(e -> javafx.application.Platform.runLater(name::requestFocus));
        useCode.selectedProperty().addListener((o, was, now) -> {
            (now ? code : name).requestFocus();
            DialogService.fit(dialog.getDialogPane());
        });
        dialogs.show(dialog);
    }

    private Label label(String key, javafx.scene.Node field) {
        Label l = new Label(messages.get(key));
        l.setLabelFor(field);
        l.setMinWidth(Region.USE_PREF_SIZE); // the field gives way, never the label ("Ulangi kata sandi baru" was cut)
        return l;
    }

    private static long count(Manifest m, String table) {
        return m.counts().getOrDefault(table, 0L);
    }

    private void start(Path file, boolean replacing, Runnable close) {
        Restore.Credentials who;
        char[] chosen = null;
        if (useCode.isSelected()) {
            if (blank(code.getText()) || newPassword.getText().isEmpty()) {
                say(messages.get("restore.fill.code"));
                return;
            }
            if (!newPassword.getText().equals(again.getText())) {
                say(messages.get("restore.fill.again"));
                again.requestFocus();
                return;
            }
            if (newPassword.getText().length() < id.berkasdesa.account.Passwords.MIN_LENGTH) {
                say(messages.get("restore.fill.short", id.berkasdesa.account.Passwords.MIN_LENGTH));
                newPassword.requestFocus();
                return;
            }
            who = new Restore.RecoveryCode(code.getText());
            chosen = newPassword.getText().toCharArray();
        } else {
            if (blank(name.getText()) || password.getText().isEmpty()) {
                say(messages.get("restore.fill.password"));
                return;
            }
            who = new Restore.Password(name.getText().strip(), password.getText().toCharArray());
        }
        if (replacing && !confirm.isSelected()) {
            say(messages.get("restore.fill.confirm"));
            confirm.requestFocus();
            return;
        }
        char[] newPw = chosen;
        say(messages.get("restore.working"));
        tasks.run(messages.get("restore.working"), p -> {
            store.close();
            try {
                Restore.Result r = Restore.run(file, store.dataDir(), who, new Restore.Options(true, replacing), new Progress(p));
                if (!replacing && r.setAside().isPresent()) {
                    // what was there held no village (a new PC's first start): nothing of anyone's to keep
                    Restore.discardAside(store.dataDir(), r.setAside().get());
                    r = new Restore.Result(r.manifest(), r.checked(), java.util.Optional.empty(), r.took());
                }
                String admin = newPw == null ? ((Restore.Password) who).name() : store.recover(((Restore.RecoveryCode) who).code(), newPw);
                return new Object[] {r, admin};
            } finally {
                if (who instanceof Restore.Password pw) {
                    Arrays.fill(pw.password(), '\0');
                }
                if (newPw != null) {
                    Arrays.fill(newPw, '\0');
                }
            }
        }, done -> {
            Restore.Result r = (Restore.Result) done[0];
            close.run();
            // once this dialog is gone: a message opened from inside its closing was never painted in a real window
            javafx.application.Platform.runLater(() -> {
                dialogs.info(messages.get("restore.title"), messages.get("restore.done", r.manifest().villageLabel(),
                        r.checked().households(), r.checked().documents(),
                        r.setAside().map(Path::toString).orElse(messages.get("restore.nothingAside")), done[1]));
                store.reopen();
            });
        }, e -> {
            say(text(e));
            store.reopen(); // the store that was there is whole: its sign-in again
        });
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private void say(String text) {
        message.setText(text);
        message.getStyleClass().setAll("warning-banner");
        DialogService.fit(message);
    }

    private String text(Throwable e) {
        return e instanceof MessageException m ? m.message(messages) : messages.get("restore.failed");
    }
}
