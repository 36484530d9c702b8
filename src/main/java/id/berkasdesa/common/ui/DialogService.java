package id.berkasdesa.common.ui;

import id.berkasdesa.common.Messages;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.stage.FileChooser;
import javafx.stage.Screen;
import javafx.stage.WindowEvent;
import javafx.stage.Window;

/** Every dialog of the app, owned by the main window, with buttons in Bahasa Indonesia. */
public final class DialogService {

    private final Messages messages;
    private Window owner;
    private Function<String, List<Path>> filePicker = this::chooseWithFileChooser;
    private BiFunction<String, String, Optional<Path>> savePicker = this::chooseSaveWithFileChooser;
    private BiFunction<String, List<String>, Optional<Path>> openPicker = this::chooseOpenWithFileChooser;
    private Function<String, Optional<Path>> folderPicker = this::chooseFolderWithChooser;

    public DialogService(Messages messages) {
        this.messages = messages;
    }

    public void setOwner(Window owner) {
        this.owner = owner;
    }

    public Window owner() {
        return owner;
    }

    /**
     * Lets the operator pick files (scans, photos); empty when cancelled. Tests replace the native
     * chooser, which no robot can drive, through {@link #setFilePicker}.
     */
    public List<Path> chooseFiles(String title) {
        return filePicker.apply(title);
    }

    public void setFilePicker(Function<String, List<Path>> picker) {
        this.filePicker = picker;
    }

    private List<Path> chooseWithFileChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        startIn(chooser);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(messages.get("dialog.files.documents"), "*.jpg", "*.jpeg", "*.png", "*.pdf",
                        "*.JPG", "*.JPEG", "*.PNG", "*.PDF"),
                new FileChooser.ExtensionFilter(messages.get("dialog.files.all"), "*.*"));
        List<File> files = chooser.showOpenMultipleDialog(owner);
        List<Path> chosen = files == null ? List.of() : files.stream().map(File::toPath).toList();
        chosen.stream().findFirst().map(Path::getParent).ifPresent(p -> lastFolder = p);
        return chosen;
    }

    /**
     * Lets the operator pick where to save a file (a PDF, a CSV), proposing {@code fileName}; empty when cancelled.
     * Tests replace the native chooser through {@link #setSavePicker}.
     */
    public Optional<Path> chooseSaveFile(String title, String fileName) {
        return savePicker.apply(title, fileName);
    }

    public void setSavePicker(BiFunction<String, String, Optional<Path>> picker) {
        this.savePicker = picker;
    }

    /** One file to open, of the given extensions ("zip", "xlsx"); tests answer through {@link #setOpenPicker}. */
    public Optional<Path> chooseOpenFile(String title, List<String> extensions) {
        return openPicker.apply(title, extensions);
    }

    public void setOpenPicker(BiFunction<String, List<String>, Optional<Path>> picker) {
        this.openPicker = picker;
    }

    /** A folder (a USB stick); tests answer through {@link #setFolderPicker}. */
    public Optional<Path> chooseFolder(String title) {
        return folderPicker.apply(title);
    }

    public void setFolderPicker(Function<String, Optional<Path>> picker) {
        this.folderPicker = picker;
    }

    private Optional<Path> chooseOpenWithFileChooser(String title, List<String> extensions) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        startIn(chooser);
        List<String> patterns = new java.util.ArrayList<>();
        for (String ext : extensions) {
            patterns.add("*." + ext);
            patterns.add("*." + ext.toUpperCase(java.util.Locale.ROOT));
        }
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(String.join(", ", extensions), patterns),
                new FileChooser.ExtensionFilter(messages.get("dialog.files.all"), "*.*"));
        return remember(Optional.ofNullable(chooser.showOpenDialog(owner)).map(File::toPath));
    }

    private Optional<Path> chooseFolderWithChooser(String title) {
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle(title);
        Path start = startFolder(Path.of(System.getProperty("user.home")), lastFolder);
        if (java.nio.file.Files.isDirectory(start)) {
            chooser.setInitialDirectory(start.toFile());
        }
        Optional<Path> chosen = Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
        chosen.ifPresent(p -> lastFolder = p);
        return chosen;
    }

    /** The folder a native chooser last went to in this run: the next one opens there. */
    private Path lastFolder;

    /**
     * Where a chooser opens: the folder used last in this run, else the user's Documents, else their
     * home — never the program's own working folder (where a sheet saved by Enter would be lost).
     */
    static Path startFolder(Path home, Path last) {
        if (last != null && java.nio.file.Files.isDirectory(last)) {
            return last;
        }
        for (String name : new String[] {"Documents", "Dokumen", "My Documents"}) {
            Path d = home.resolve(name);
            if (java.nio.file.Files.isDirectory(d)) {
                return d;
            }
        }
        return home;
    }

    private void startIn(FileChooser chooser) {
        Path start = startFolder(Path.of(System.getProperty("user.home")), lastFolder);
        if (java.nio.file.Files.isDirectory(start)) {
            chooser.setInitialDirectory(start.toFile());
        }
    }

    private Optional<Path> remember(Optional<Path> chosen) {
        chosen.map(Path::getParent).ifPresent(p -> lastFolder = p);
        return chosen;
    }

    private Optional<Path> chooseSaveWithFileChooser(String title, String fileName) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        startIn(chooser);
        chooser.setInitialFileName(fileName);
        // the proposed name's own kind: a PDF, or a CSV of the audit trail
        String ext = fileName.contains(".") ? fileName.substring(fileName.lastIndexOf('.') + 1) : "pdf";
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(ext.toUpperCase(java.util.Locale.ROOT), "*." + ext));
        return remember(Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath));
    }

    /**
     * A settings form in a dialog: Save is refused while {@code answer} is empty ({@code invalid} says
     * why), Cancel closes; the answer, when saved. {@code answer} is asked once per press of Save.
     */
    public <T> Optional<T> form(String title, Node content, Node focus,
            Supplier<Optional<T>> answer, Runnable invalid) {
        Dialog<T> dialog = new Dialog<>();
        dialog.setTitle(title);
        ButtonType save = new ButtonType(messages.get("dialog.save"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(save,
                new ButtonType(messages.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().setContent(content);
        // asked once, when Simpan is pressed: an answer that saves something (a reason added) is not made twice
        java.util.concurrent.atomic.AtomicReference<T> given = new java.util.concurrent.atomic.AtomicReference<>();
        dialog.getDialogPane().lookupButton(save).addEventFilter(ActionEvent.ACTION, e -> {
            Optional<T> a = answer.get();
            if (a.isEmpty()) {
                invalid.run();
                e.consume();
            } else {
                given.set(a.get());
            }
        });
        dialog.setResultConverter(b -> b == save ? given.get() : null);
        // Enter on a check box would tick it again (JavaFX fires a focused check box on Enter), and a
        // closed choice list keeps Enter to itself: in a form, Enter saves from these as from a text
        // field; Space ticks, Alt+Down opens the list
        dialog.getDialogPane().addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && (e.getTarget() instanceof javafx.scene.control.CheckBox
                    || e.getTarget() instanceof javafx.scene.control.ComboBox<?> c && !c.isShowing())) {
                e.consume();
                ((Button) dialog.getDialogPane().lookupButton(save)).fire();
            }
        });
        focusWhenShown(dialog, focus);
        return show(dialog);
    }

    /**
     * The dialog opens with {@code first} focused, also when its window gains the focus only after it is
     * shown (the default button would take it then, and a key typed at once would press it).
     */
    public static void focusWhenShown(Dialog<?> dialog, Node first) {
        dialog.setOnShown(e -> {
            first.requestFocus();
            Platform.runLater(first::requestFocus);
            javafx.stage.Window w = dialog.getDialogPane().getScene().getWindow();
            javafx.beans.value.ChangeListener<Boolean> once = new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean is) {
                    if (is) {
                        w.focusedProperty().removeListener(this);
                        if (dialog.getDialogPane().getScene().getFocusOwner() instanceof Button) {
                            first.requestFocus();
                        }
                    }
                }
            };
            w.focusedProperty().addListener(once);
        });
    }

    /** Shows a dialog owned by the main window, at its own size and centred on it, and waits for its answer. */
    public <T> Optional<T> show(Dialog<T> dialog) {
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.setTitle(title(dialog.getTitle()));
        withAppStyles(dialog.getDialogPane());
        fullButtonTexts(dialog.getDialogPane());
        placeOnShown(dialog.getDialogPane().getScene().getWindow(), owner);
        return dialog.showAndWait();
    }

    /** The app's own style sheet in the dialog too (its message, warning and badge styles). */
    private void withAppStyles(javafx.scene.control.DialogPane pane) {
        if (owner != null && owner.getScene() != null) {
            for (String sheet : owner.getScene().getStylesheets()) {
                if (!pane.getStylesheets().contains(sheet)) {
                    pane.getStylesheets().add(sheet);
                }
            }
        }
    }

    /** Buttons as wide as their text: the button bar would otherwise cut "Tetap di sini" to "Tetap di ...". */
    private static void fullButtonTexts(javafx.scene.control.DialogPane pane) {
        for (ButtonType type : pane.getButtonTypes()) {
            if (pane.lookupButton(type) instanceof Button b) {
                ButtonBar.setButtonUniformSize(b, false);
                b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            }
        }
    }

    /** A window title is a name, not a menu item: "Aktif kembali…" becomes "Aktif kembali". */
    public static String title(String text) {
        return text == null ? null : text.replaceFirst("\\s*(…|\\.\\.\\.)$", "");
    }

    /**
     * Sizes {@code window} to its content and centres it on {@code owner} once shown. On Linux (GTK)
     * the first window of a kind can appear at 200×200 in the top-left corner, before its content is
     * laid out: the size and place are set again on the next pulse, when the content knows its size.
     */
    public static void placeOnShown(Window window, Window owner) {
        window.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> {
            place(window, owner);
            Platform.runLater(() -> place(window, owner));
        });
    }

    private static void place(Window window, Window owner) {
        Rectangle2D bounds = Screen.getPrimary().getVisualBounds();
        if (window.getScene() != null && window.getScene().getRoot() != null) {
            var root = window.getScene().getRoot();
            root.applyCss();
            double w = Math.min(root.prefWidth(-1), bounds.getWidth());
            double h = Math.min(root.prefHeight(w), bounds.getHeight());
            if (window.getScene().getWidth() + 1 < w || window.getScene().getHeight() + 1 < h) {
                // sizeToScene is not enough here: under GTK the first dialog keeps the size it was mapped with
                double frameW = window.getWidth() - window.getScene().getWidth();
                double frameH = window.getHeight() - window.getScene().getHeight();
                window.setWidth(Math.max(window.getScene().getWidth(), w) + frameW);
                window.setHeight(Math.max(window.getScene().getHeight(), h) + frameH);
            }
        }
        double cx = owner == null ? bounds.getMinX() + bounds.getWidth() / 2 : owner.getX() + owner.getWidth() / 2;
        double cy = owner == null ? bounds.getMinY() + bounds.getHeight() / 2 : owner.getY() + owner.getHeight() / 2;
        double x = Math.max(bounds.getMinX(), Math.min(cx - window.getWidth() / 2, bounds.getMaxX() - window.getWidth()));
        double y = Math.max(bounds.getMinY(), Math.min(cy - window.getHeight() / 2, bounds.getMaxY() - window.getHeight()));
        window.setX(x);
        window.setY(y);
    }

    /** Labels of a dialog that wrap and show their whole text, never cut to one line. */
    public static void wrapWhole(javafx.scene.control.Labeled... labels) {
        for (javafx.scene.control.Labeled l : labels) {
            l.setWrapText(true);
            l.setMaxWidth(Double.MAX_VALUE);
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
    }

    /** The window of {@code node} grows or shrinks to its content (a text that arrived after it was shown). */
    public static void fit(Node node) {
        if (node.getScene() != null && node.getScene().getWindow() != null) {
            node.getScene().getWindow().sizeToScene();
        }
    }

    /**
     * A resizable dialog for a table or a list, with an OK button ({@code ok}, default) and a cancel
     * button: wider than the theme's 600 px, and at most 1100 × {@code height} so it fits 1366×768 with
     * the taskbar. The buttons are the pane's first and second button types.
     */
    public static <T> javafx.scene.control.Dialog<T> wide(String title, Node content, String ok, String cancel, int height) {
        javafx.scene.control.Dialog<T> dialog = new javafx.scene.control.Dialog<>();
        dialog.setTitle(title);
        dialog.setResizable(true);
        dialog.getDialogPane().getButtonTypes().setAll(
                new javafx.scene.control.ButtonType(ok, javafx.scene.control.ButtonBar.ButtonData.OK_DONE),
                new javafx.scene.control.ButtonType(cancel, javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().setStyle("-fx-max-width: 1100px;");
        dialog.getDialogPane().setPrefSize(1000, height);
        return dialog;
    }

    public void error(String title, String text) {
        answer(alert(Alert.AlertType.ERROR, title, text, new ButtonType(messages.get("dialog.ok"), ButtonBar.ButtonData.OK_DONE)));
    }

    public void info(String title, String text) {
        answer(alert(Alert.AlertType.INFORMATION, title, text,
                new ButtonType(messages.get("dialog.ok"), ButtonBar.ButtonData.OK_DONE)));
    }

    /**
     * Shows an alert and waits; then the focus goes back to the field the operator was in (after
     * "Tetap di sini" the cursor is where the work is, not on the first button of the page).
     */
    private Optional<ButtonType> answer(Alert alert) {
        Node before = owner != null && owner.getScene() != null ? owner.getScene().getFocusOwner() : null;
        Optional<ButtonType> answer = alert.showAndWait();
        if (before != null && before.getScene() != null && !before.isDisabled()) {
            Platform.runLater(before::requestFocus);
        }
        return answer;
    }

    /** Yes/no question; true only when the operator chose {@code yes}. */
    public boolean confirm(String title, String text, String yes, String no) {
        ButtonType yesButton = new ButtonType(yes, ButtonBar.ButtonData.YES);
        ButtonType noButton = new ButtonType(no, ButtonBar.ButtonData.NO);
        Alert a = alert(Alert.AlertType.CONFIRMATION, title, text, yesButton, noButton);
        Optional<ButtonType> answer = answer(a);
        return answer.isPresent() && answer.get() == yesButton;
    }

    /**
     * Something to read, with one more thing that can be done with it ({@code action}, e.g. save a sheet
     * to print): Enter and Esc close ({@code done} is the default); true only when {@code action} was chosen.
     */
    public boolean infoWithAction(String title, String text, String action, String done) {
        ButtonType actionButton = new ButtonType(action, ButtonBar.ButtonData.OTHER);
        ButtonType doneButton = new ButtonType(done, ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = alert(Alert.AlertType.INFORMATION, title, text, actionButton, doneButton);
        Button close = (Button) a.getDialogPane().lookupButton(doneButton);
        close.setDefaultButton(true);
        a.setOnShown(e -> close.requestFocus());
        Optional<ButtonType> answer = answer(a);
        return answer.isPresent() && answer.get() == actionButton;
    }

    /**
     * A question whose "yes" throws something away (unsaved work, a document): Enter and Esc keep it
     * ({@code no} is the default button); true only when the operator chose {@code yes} on purpose.
     */
    public boolean confirmRisky(String title, String text, String yes, String no) {
        ButtonType yesButton = new ButtonType(yes, ButtonBar.ButtonData.OTHER);
        ButtonType noButton = new ButtonType(no, ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = alert(Alert.AlertType.WARNING, title, text, noButton, yesButton);
        Button keep = (Button) a.getDialogPane().lookupButton(noButton);
        keep.setDefaultButton(true);
        ((Button) a.getDialogPane().lookupButton(yesButton)).setDefaultButton(false);
        a.setOnShown(e -> keep.requestFocus());
        Optional<ButtonType> answer = answer(a);
        return answer.isPresent() && answer.get() == yesButton;
    }

    private Alert alert(Alert.AlertType type, String title, String text, ButtonType... buttons) {
        Alert a = new Alert(type, "", buttons);
        if (owner != null) {
            a.initOwner(owner);
        }
        a.setTitle(title(title));
        a.setHeaderText(null);
        Label content = new Label(text);
        content.setWrapText(true);
        // the text wraps at 560 px: a long line (a folder path) made the dialog wider than the screen,
        // its OK button out of reach
        content.setPrefWidth(560);
        content.setMaxWidth(560);
        content.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        a.getDialogPane().setContent(content);
        a.getDialogPane().setMinWidth(480);
        a.getDialogPane().setPadding(new javafx.geometry.Insets(4, 8, 4, 8));
        fullButtonTexts(a.getDialogPane());
        withAppStyles(a.getDialogPane());
        placeOnShown(a.getDialogPane().getScene().getWindow(), owner);
        return a;
    }
}
