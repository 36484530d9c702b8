package id.berkasdesa.app;

import id.berkasdesa.common.Messages;
import id.berkasdesa.common.ui.DialogService;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.Node;
import javafx.scene.layout.Region;

/** Bantuan: the keyboard shortcuts (F1) and a one-page how-to, both from the message bundle. */
final class HelpDialogs {

    /** Keys of the shortcut list, in the order shown; each has {@code help.key.<name>} and {@code help.does.<name>}. */
    static final String[] SHORTCUTS = {"home", "register", "requests", "candidates", "newKk", "search", "save", "addMember",
        "documents", "attach", "request", "letter", "memberUpDown", "enter", "tab", "space", "back", "export", "response",
        "lock", "menus", "help", "quit"};

    private HelpDialogs() {
    }

    static void shortcuts(Messages messages, DialogService dialogs) {
        GridPane grid = new GridPane();
        grid.setId("shortcutGrid");
        grid.setHgap(18);
        grid.setVgap(4);
        for (int i = 0; i < SHORTCUTS.length; i++) {
            Label key = new Label(messages.get("help.key." + SHORTCUTS[i]));
            key.getStyleClass().add("shortcut-key");
            key.setMinWidth(Region.USE_PREF_SIZE); // the whole key, never "Alt…"
            Label does = new Label(messages.get("help.does." + SHORTCUTS[i]));
            does.setWrapText(true);
            does.setMaxWidth(480);
            grid.addRow(i, key, does);
        }
        show(messages, dialogs, messages.get("help.shortcuts.title"), grid);
    }

    static void howTo(Messages messages, DialogService dialogs) {
        VBox steps = new VBox(8);
        steps.setId("howToSteps");
        for (int i = 1; messages.has("help.howto." + i); i++) {
            Label step = new Label(messages.get("help.howto." + i));
            step.setWrapText(true);
            step.setMaxWidth(640);
            step.getStyleClass().add(i == 1 ? "howto-intro" : "howto-step");
            steps.getChildren().add(step);
        }
        show(messages, dialogs, messages.get("help.howto.title"), steps);
    }

    private static void show(Messages messages, DialogService dialogs, String title, Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(520);
        scroll.setPrefViewportWidth(680);
        scroll.getStyleClass().add("edge-to-edge");
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle(title);
        dialog.getDialogPane().getButtonTypes().setAll(new ButtonType(messages.get("dialog.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().setContent(scroll);
        // wider than the theme's 600 px for dialogs, still inside 1366x768
        dialog.getDialogPane().setStyle("-fx-max-width: 760px; -fx-padding: 8 12 8 12;");
        dialogs.show(dialog);
    }
}
