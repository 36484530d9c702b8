package id.berkasdesa.common.ui;

import id.berkasdesa.common.LabelMatch;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.util.Duration;

/** Keyboard-first entry: Enter moves to the next field like Tab, and a choice list jumps to what is typed. */
public final class KeyboardEntry {

    private KeyboardEntry() {
    }

    /** Enter in one of {@code order} moves the focus to the next one (an open choice list keeps Enter). */
    public static void enterMovesFocus(List<? extends Control> order) {
        for (int i = 0; i < order.size(); i++) {
            Control current = order.get(i);
            List<? extends Control> rest = order.subList(i + 1, order.size());
            current.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() != KeyCode.ENTER || e.isControlDown() || e.isAltDown()) {
                    return;
                }
                if (current instanceof ComboBox<?> box && box.isShowing()) {
                    return;
                }
                rest.stream().filter(c -> !c.isDisabled() && c.isVisible()).findFirst().ifPresent(Control::requestFocus);
                e.consume();
            });
        }
    }

    /** A row of {@code table} opens with Enter or a double click. */
    public static <T> void opensRows(TableView<T> table, Consumer<T> open) {
        table.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && e.getTarget() instanceof Node n && rowOf(n) != null
                    && table.getSelectionModel().getSelectedItem() != null) {
                open.accept(table.getSelectionModel().getSelectedItem());
            }
        });
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
                open.accept(table.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
    }

    private static TableRow<?> rowOf(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p instanceof TableRow<?> row) {
                return row.isEmpty() ? null : row;
            }
        }
        return null;
    }

    /** Down or Enter in a search field goes to the results, the first one selected. */
    public static void searchGoesToTable(TextField search, TableView<?> table) {
        search.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
                table.requestFocus();
                if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
                    table.getSelectionModel().select(0);
                }
                e.consume();
            }
        });
    }

    /**
     * Keeps the focused field of {@code content} in view when Tab or Enter moves below the fold. The
     * listener sits on the scene only while the form is in it: a form that is closed is not kept alive.
     */
    public static void scrollToFocused(ScrollPane scroll, Node content) {
        ChangeListener<Node> follow = (obs, a, focused) -> {
            if (focused == null || !isInside(focused, content)) {
                return;
            }
            Bounds field = content.sceneToLocal(focused.localToScene(focused.getBoundsInLocal()));
            double contentHeight = content.getBoundsInLocal().getHeight();
            double viewport = scroll.getViewportBounds().getHeight();
            if (contentHeight <= viewport) {
                return;
            }
            double top = scroll.getVvalue() * (contentHeight - viewport);
            if (field.getMinY() < top || field.getMaxY() + 24 > top + viewport) {
                double target = Math.max(0, field.getMinY() - viewport / 3);
                scroll.setVvalue(Math.min(1, target / (contentHeight - viewport)));
            }
        };
        scroll.sceneProperty().addListener((o, oldScene, scene) -> {
            if (oldScene != null) {
                oldScene.focusOwnerProperty().removeListener(follow);
            }
            if (scene != null) {
                scene.focusOwnerProperty().addListener(follow);
            }
        });
    }

    /**
     * Tab and Shift+Tab leave a multi-line field instead of inserting a tab character: the key is
     * passed on as Ctrl+Tab, which the text area's own behaviour turns into moving the focus.
     */
    public static void tabLeaves(TextArea area) {
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.TAB || e.isControlDown()) {
                return;
            }
            e.consume();
            area.fireEvent(new KeyEvent(e.getSource(), e.getTarget(), e.getEventType(), e.getCharacter(), e.getText(),
                    e.getCode(), e.isShiftDown(), true, e.isAltDown(), e.isMetaDown()));
        });
    }

    /**
     * Puts the focus on {@code node} once it is on screen: a view filled before it is shown would
     * otherwise leave the focus wherever the window had it (the first button of the page).
     */
    public static void focusWhenShown(Node node) {
        if (node.getScene() != null && node.getScene().getWindow() != null && node.getScene().getWindow().isShowing()) {
            node.requestFocus();
        }
        Platform.runLater(node::requestFocus);
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    /**
     * Typing letters in a closed choice list selects the item they fit best: the first label that
     * starts with them, else the label where they start a word earliest ({@link LabelMatch}).
     */
    public static <T> void typeAhead(ComboBox<T> box) {
        StringBuilder typed = new StringBuilder();
        PauseTransition reset = new PauseTransition(Duration.millis(900));
        reset.setOnFinished(e -> typed.setLength(0));
        box.addEventHandler(KeyEvent.KEY_TYPED, e -> {
            String ch = e.getCharacter();
            if (ch.isEmpty() || Character.isISOControl(ch.charAt(0)) || e.isControlDown()) {
                return;
            }
            typed.append(ch.toLowerCase());
            reset.playFromStart();
            int best = LabelMatch.best(box.getItems(),
                    item -> box.getConverter() != null ? box.getConverter().toString(item) : String.valueOf(item),
                    typed.toString());
            if (best >= 0) {
                box.getSelectionModel().select(best);
            }
            e.consume();
        });
    }
}
