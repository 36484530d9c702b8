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

    /**
     * Ctrl+Tab and Ctrl+Page Down select the next tab of {@code tabs}, Ctrl+Shift+Tab and Ctrl+Page Up
     * the one before, wherever the focus is in the window that shows it (a field above the tabs
     * included, where JavaFX's own Ctrl+Tab does nothing); the focus goes into the tab chosen.
     */
    public static void ctrlTabSwitches(javafx.scene.control.TabPane tabs) {
        tabs.sceneProperty().addListener((o, old, scene) -> {
            if (scene != null && old == null) {
                scene.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> switchTab(tabs, e));
            }
        });
    }

    private static void switchTab(javafx.scene.control.TabPane tabs, javafx.scene.input.KeyEvent e) {
        if (!e.isShortcutDown() || tabs.getTabs().isEmpty()) {
            return;
        }
        boolean next = e.getCode() == javafx.scene.input.KeyCode.PAGE_DOWN
                || e.getCode() == javafx.scene.input.KeyCode.TAB && !e.isShiftDown();
        boolean back = e.getCode() == javafx.scene.input.KeyCode.PAGE_UP
                || e.getCode() == javafx.scene.input.KeyCode.TAB && e.isShiftDown();
        if (!next && !back) {
            return;
        }
        var model = tabs.getSelectionModel();
        int n = tabs.getTabs().size();
        model.select((model.getSelectedIndex() + (next ? 1 : n - 1)) % n);
        Node content = model.getSelectedItem().getContent();
        if (content != null) {
            javafx.application.Platform.runLater(() -> {
                Node target = content.isFocusTraversable() ? content
                        : content.lookupAll("*").stream().filter(x -> x.isFocusTraversable() && x.isVisible())
                                .findFirst().orElse(tabs);
                target.requestFocus();
            });
        }
        e.consume();
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
                if (current instanceof TextArea && e.isShiftDown()) {
                    return; // a new line inside a multi-line field
                }
                if (current instanceof ComboBox<?> box && box.isShowing()) {
                    return;
                }
                rest.stream().filter(c -> !c.isDisabled() && c.isVisible()).findFirst().ifPresent(next -> {
                    next.requestFocus();
                    e.consume();
                }); // from the last field Enter goes on: to the field's own action, or the dialog's default button
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

    /**
     * Down or Enter in a search field goes to the results, the first one selected; Enter with exactly
     * one result opens it at once (what F1 says Enter does).
     */
    public static <T> void searchGoesToTable(TextField search, TableView<T> table, Consumer<T> open) {
        search.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && table.getItems().size() == 1) {
                table.getSelectionModel().select(0);
                open.accept(table.getItems().get(0));
                e.consume();
            }
        });
        searchGoesToTable(search, table);
    }

    /** Down or Enter in a search field goes to the results, the first one selected. */
    public static void searchGoesToTable(TextField search, TableView<?> table) {
        search.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.isConsumed()) {
                return;
            }
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
     * A search field over a list of results: ↓ goes to the first result, Enter or a click on a result
     * chooses it; with {@code enterChoosesOnly}, Enter in the field chooses the result when it is the only one.
     */
    public static <T> void chooseFromResults(TextField search, javafx.scene.control.ListView<T> results, boolean enterChoosesOnly,
            java.util.function.Consumer<T> choose) {
        search.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            boolean enter = enterChoosesOnly && e.getCode() == KeyCode.ENTER;
            if ((e.getCode() == KeyCode.DOWN || enter) && !results.getItems().isEmpty()) {
                results.requestFocus();
                results.getSelectionModel().select(0);
                if (enter && results.getItems().size() == 1) {
                    choose.accept(results.getItems().get(0));
                }
                e.consume();
            }
        });
        results.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && results.getSelectionModel().getSelectedItem() != null) {
                choose.accept(results.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
        results.setOnMouseClicked(e -> {
            if (results.getSelectionModel().getSelectedItem() != null) {
                choose.accept(results.getSelectionModel().getSelectedItem());
            }
        });
    }

    /** The property under which a choice list keeps what its type-ahead last said (the hint shown). */
    public static final String TYPE_AHEAD_HINT = "typeAhead.hint";

    /**
     * Typing letters in a closed choice list selects the item they fit best: the first label that
     * starts with them, else the label where they start a word earliest ({@link LabelMatch}). Letters
     * that fit no item select nothing — the choice goes back to what it was before the typing began —
     * and a hint under the list says so: a sentence typed into the wrong field never picks an item by
     * its first letter.
     */
    public static <T> void typeAhead(ComboBox<T> box, id.berkasdesa.common.Messages messages) {
        StringBuilder typed = new StringBuilder();
        int[] before = {-1};
        javafx.scene.control.Tooltip hint = new javafx.scene.control.Tooltip();
        PauseTransition reset = new PauseTransition(Duration.millis(900));
        reset.setOnFinished(e -> typed.setLength(0));
        PauseTransition hideHint = new PauseTransition(Duration.seconds(3));
        hideHint.setOnFinished(e -> hint.hide());
        box.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                hint.hide();
                typed.setLength(0);
            }
        });
        box.addEventHandler(KeyEvent.KEY_TYPED, e -> {
            String ch = e.getCharacter();
            if (ch.isEmpty() || Character.isISOControl(ch.charAt(0)) || e.isControlDown() || e.isAltDown()) {
                return; // a shortcut's letter (Alt+1 chose a decision and moved here): not typing
            }
            if (typed.length() == 0) {
                before[0] = box.getSelectionModel().getSelectedIndex();
            }
            typed.append(ch.toLowerCase());
            reset.playFromStart();
            int best = LabelMatch.best(box.getItems(),
                    item -> box.getConverter() != null ? box.getConverter().toString(item) : String.valueOf(item),
                    typed.toString().strip());
            if (typed.toString().isBlank()) {
                e.consume();
                return;
            }
            if (best >= 0) {
                box.getSelectionModel().select(best);
                box.getProperties().remove(TYPE_AHEAD_HINT);
                hint.hide();
            } else {
                if (before[0] >= 0 && before[0] < box.getItems().size()) {
                    box.getSelectionModel().select(before[0]);
                } else {
                    box.getSelectionModel().clearSelection();
                    box.setValue(null);
                }
                String text = messages.get("choice.noMatch", typed.toString().strip());
                box.getProperties().put(TYPE_AHEAD_HINT, text);
                hint.setText(text);
                if (box.getScene() != null && box.getScene().getWindow() != null && box.getScene().getWindow().isShowing()) {
                    javafx.geometry.Bounds b = box.localToScreen(box.getBoundsInLocal());
                    if (b != null) {
                        hint.show(box, b.getMinX(), b.getMaxY() + 2);
                    }
                }
                hideHint.playFromStart();
            }
            e.consume();
        });
    }
}
