package id.berkasdesa.account.ui;

import id.berkasdesa.account.Account;
import id.berkasdesa.account.AccountService;
import id.berkasdesa.common.MessageException;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.Role;
import id.berkasdesa.common.ui.BackgroundTasks;
import id.berkasdesa.common.ui.DialogService;
import id.berkasdesa.common.DateText;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * "Pengguna" (Administrator): who may sign in, with what role; add one (their first password is
 * theirs to change at the first sign-in), disable one (never deleted: the trail names them), reset
 * a forgotten password. The last active Administrator cannot be disabled.
 */
public final class AccountsDialog {

    private final AccountService accounts;
    private final Messages messages;
    private final DialogService dialogs;
    private final BackgroundTasks tasks;
    final TableView<Account> table = new TableView<>();
    final TextField name = new TextField();
    final ComboBox<Role> role = new ComboBox<>();
    final Label message = new Label();
    private final List<String> disabled = new java.util.ArrayList<>();

    private final String village;

    /** @param village the village as the password sheet names it */
    public AccountsDialog(AccountService accounts, String village, Messages messages, DialogService dialogs, BackgroundTasks tasks) {
        this.accounts = accounts;
        this.village = village;
        this.messages = messages;
        this.dialogs = dialogs;
        this.tasks = tasks;
    }

    public void show() {
        table.setId("accountsTable");
        table.getColumns().setAll(List.of(column("accounts.col.name", Account::name, 200),
                column("accounts.col.role", a -> messages.get(a.role().key()), 130),
                column("accounts.col.active", a -> messages.get(a.active() ? "accounts.active" : "accounts.disabled"), 110),
                column("accounts.col.lastSignIn", a -> a.lastSignIn() == null ? "-" : DateText.format(a.lastSignIn().toLocalDate()), 130)));
        table.setPrefHeight(220);
        Button disable = new Button(messages.get("accounts.disable"));
        disable.setId("disableAccount");
        disable.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        disable.setOnAction(e -> disableSelected());
        Button reset = new Button(messages.get("accounts.reset"));
        reset.setId("resetAccount");
        reset.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        reset.setOnAction(e -> resetSelected());
        Button changeRole = new Button(messages.get("accounts.changeRole"));
        changeRole.setId("changeRole");
        changeRole.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        changeRole.setOnAction(e -> changeRoleOfSelected());

        name.setId("newAccountName");
        role.setId("newAccountRole");
        role.getItems().setAll(accounts.roles()); // a village's, or a Dinas Sosial's
        role.setValue(accounts.roles().contains(Role.OPERATOR) ? Role.OPERATOR : Role.VERIFIKATOR);
        role.setButtonCell(roleCell());
        role.setCellFactory(l -> roleCell());
        role.setConverter(id.berkasdesa.common.ui.Converters.of(r -> r == null ? "" : messages.get(r.key())));
        // typing "p" picks Pemeriksa, "o" Operator, "a" Administrator: never a role by accident
        id.berkasdesa.common.ui.KeyboardEntry.typeAhead(role, messages);
        Button add = new Button(messages.get("accounts.add"));
        add.setId("addAccount");
        add.setOnAction(e -> add());
        // Enter moves from the name to the role; Enter on the role adds the account (its first password is made by the app)
        id.berkasdesa.common.ui.KeyboardEntry.enterMovesFocus(List.of(name, role));
        role.addEventHandler(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && !role.isShowing()) {
                e.consume();
                add();
            }
        });
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(4);
        form.addRow(0, label("accounts.col.name", name), label("accounts.col.role", role));
        form.addRow(1, name, role, add);
        message.setId("accountsMessage");
        message.setWrapText(true);
        Label note = new Label(messages.get("accounts.note"));
        note.setWrapText(true);
        note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // the whole note, never cut
        message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox box = new VBox(8, table, new HBox(6, changeRole, disable, reset), new Label(messages.get("accounts.addTitle")), form, note,
                message);
        box.setPadding(new Insets(8));
        box.setPrefWidth(820);
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle(messages.get("accounts.title"));
        dialog.setResizable(true);
        dialog.getDialogPane().getButtonTypes().setAll(new ButtonType(messages.get("bundle.export.close"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().setStyle("-fx-max-width: 1000px;");
        dialog.setOnShown(e -> table.requestFocus());
        reload();
        dialogs.show(dialog);
    }

    /** The accounts disabled while the dialog was open (the window offers a new data key for them). */
    public List<String> disabled() {
        return List.copyOf(disabled);
    }

    private ListCell<Role> roleCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Role r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? "" : messages.get(r.key()));
            }
        };
    }

    private Label label(String key, javafx.scene.Node field) {
        Label l = new Label(messages.get(key));
        l.setLabelFor(field);
        return l;
    }

    private TableColumn<Account, String> column(String key, Function<Account, String> value, double width) {
        TableColumn<Account, String> c = new TableColumn<>(messages.get(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private void reload() {
        table.getItems().setAll(accounts.list());
    }

    void add() {
        String typed = name.getText();
        Role chosen = role.getValue();
        message.setText(messages.get("signin.working"));
        // the first password is made by the app and hashed (Argon2id) on the worker, never on the JavaFX thread
        tasks.run("", w -> accounts.addWithNewPassword(typed, chosen), c -> {
            message.setText(messages.get("accounts.added", c.account().name(), messages.get(c.account().role().key())));
            name.clear();
            reload();
            showOnce(c.account().name(), c.account().role(), c.password());
        }, e -> message.setText(e instanceof MessageException m ? m.message(messages) : messages.get("signin.error")));
    }

    /** A first password the app made, shown once to hand over in person. */
    private void showOnce(String who, Role role, String password) {
        if (!dialogs.infoWithAction(messages.get("accounts.generated.title"), messages.get("accounts.generated", who, password),
                messages.get("password.sheet.save"), messages.get("password.sheet.done"))) {
            return;
        }
        dialogs.chooseSaveFile(messages.get("password.sheet.save"), "kata-sandi-awal.pdf").ifPresent(target -> {
            try {
                id.berkasdesa.account.RecoverySheet.savePassword(messages, village, who, messages.get(role.key()), password,
                        java.time.LocalDate.now(), target);
                dialogs.info(messages.get("accounts.generated.title"), messages.get("password.sheet.saved", target.toString()));
            } catch (java.io.IOException e) {
                dialogs.error(messages.get("accounts.generated.title"), messages.get("signin.code.failed", target.toString()));
            }
        });
    }

    /** Another role for the selected account: chosen from the list, recorded in the trail. */
    void changeRoleOfSelected() {
        Account a = table.getSelectionModel().getSelectedItem();
        if (a == null) {
            return;
        }
        ComboBox<Role> choice = new ComboBox<>();
        choice.setId("roleChoice");
        choice.getItems().setAll(accounts.roles());
        choice.setValue(a.role());
        choice.setConverter(id.berkasdesa.common.ui.Converters.of(r -> r == null ? "" : messages.get(r.key())));
        id.berkasdesa.common.ui.KeyboardEntry.typeAhead(choice, messages);
        Label text = new Label(messages.get("accounts.changeRoleAsk", a.name(), messages.get(a.role().key())));
        text.setWrapText(true);
        text.setLabelFor(choice);
        VBox content = new VBox(8, text, choice);
        content.setPrefWidth(420);
        dialogs.form(messages.get("accounts.changeRole"), content, choice,
                () -> java.util.Optional.ofNullable(choice.getValue()), () -> { }).ifPresent(chosen -> {
                    if (chosen == a.role()) {
                        return;
                    }
                    tasks.run("", w -> accounts.changeRole(a.name(), chosen), password -> {
                        message.setText(messages.get("accounts.roleChanged", a.name(), messages.get(chosen.key())));
                        reload();
                        // a new Administrator's password must open the certifying key: the app made them a new one
                        password.ifPresent(p -> showOnce(a.name(), chosen, p));
                    }, e -> message.setText(e instanceof MessageException m ? m.message(messages) : messages.get("signin.error")));
                });
    }

    void disableSelected() {
        Account a = table.getSelectionModel().getSelectedItem();
        if (a == null || !dialogs.confirmRisky(messages.get("accounts.disable"), messages.get("accounts.disableAsk", a.name()),
                messages.get("accounts.disableYes"), messages.get("dialog.cancel"))) {
            return;
        }
        try {
            accounts.disable(a.name());
            disabled.add(a.name());
            message.setText(messages.get("accounts.disabledDone", a.name()));
            reload();
        } catch (MessageException e) {
            message.setText(e.message(messages));
        }
    }

    void resetSelected() {
        Account a = table.getSelectionModel().getSelectedItem();
        if (a == null) {
            return;
        }
        tasks.run("", w -> accounts.resetWithNewPassword(a.name()), password -> {
            message.setText(messages.get("accounts.resetDone", a.name()));
            reload();
            showOnce(a.name(), a.role(), password);
        }, e -> message.setText(e instanceof MessageException m ? m.message(messages) : messages.get("signin.error")));
    }
}
