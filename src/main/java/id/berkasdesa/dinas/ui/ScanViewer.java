package id.berkasdesa.dinas.ui;

import id.berkasdesa.common.Messages;
import id.berkasdesa.common.ui.BackgroundTasks;
import id.berkasdesa.common.ui.DialogService;
import id.berkasdesa.common.ui.Fxml;
import id.berkasdesa.common.ui.ZoomSteps;
import java.util.List;
import javafx.fxml.FXML;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A request's scans in a window of their own, large enough to read (Ctrl+B on the request page):
 * every page of every scan in turn (PgDn, PgUp), zoom (+, −; fit to the width at first), Esc closes.
 * Read only: what the village sent is evidence and stays as it came.
 */
final class ScanViewer {


    @FXML BorderPane root;
    @FXML Label zoomLabel, pageLabel, problemLabel;
    @FXML Button prevButton, nextButton, closeButton;
    @FXML ScrollPane scroll;
    @FXML ImageView imageView;

    private final RequestsViewModel vm;
    private final RequestsViewModel.Opened opened;
    private final List<RequestsViewModel.Page> pages;
    private final Messages messages;
    private final BackgroundTasks.Latest<Image> rendering;
    private int at;
    /** Null: fit to the window's width. */
    private Double zoom;

    private ScanViewer(RequestsViewModel vm, RequestsViewModel.Opened opened, int at, Messages messages, BackgroundTasks runner) {
        this.vm = vm;
        this.opened = opened;
        this.pages = opened.pages();
        this.at = at;
        this.messages = messages;
        this.rendering = runner.latest();
        Fxml.load(this, messages);
    }

    /** Opens over the district's window at page {@code at} of {@link RequestsViewModel.Opened#pages}; returns when it is closed. */
    static void show(RequestsViewModel vm, RequestsViewModel.Opened opened, int at, Messages messages, BackgroundTasks runner,
            DialogService dialogs) {
        ScanViewer v = new ScanViewer(vm, opened, at, messages, runner);
        Stage stage = new Stage();
        Window owner = dialogs.owner();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        String who = opened.request().name() == null || opened.request().name().isBlank() ? opened.request().nik()
                : opened.request().name();
        stage.setTitle(DialogService.title(messages.get("dinas.scans.viewer.title", who)));
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(v.root, Math.min(1100, screen.getWidth() - 40), Math.min(720, screen.getHeight() - 30));
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            switch (e.getCode()) {
                case ESCAPE -> stage.close();
                case PAGE_DOWN -> v.next();
                case PAGE_UP -> v.previous();
                case PLUS, ADD, EQUALS -> v.zoomIn();
                case MINUS, SUBTRACT -> v.zoomOut();
                default -> {
                    return;
                }
            }
            e.consume();
        });
        v.closeButton.setOnAction(e -> stage.close());
        stage.setScene(scene);
        stage.setOnShown(e -> v.showPage());
        DialogService.placeOnShown(stage, owner);
        stage.showAndWait();
    }

    @FXML
    void next() {
        if (at < pages.size() - 1) {
            at++;
            showPage();
        }
    }

    @FXML
    void previous() {
        if (at > 0) {
            at--;
            showPage();
        }
    }

    @FXML
    void zoomIn() {
        zoom = ZoomSteps.larger(zoom == null ? currentFit() : zoom).orElse(zoom);
        applyZoom();
    }

    @FXML
    void zoomOut() {
        zoom = ZoomSteps.smaller(zoom == null ? currentFit() : zoom).orElse(zoom);
        applyZoom();
    }

    private void showPage() {
        prevButton.setDisable(at <= 0);
        nextButton.setDisable(at >= pages.size() - 1);
        if (pages.isEmpty()) {
            pageLabel.setText(messages.get("dinas.scans.none"));
            return;
        }
        RequestsViewModel.Page p = pages.get(at);
        RequestsViewModel.ScanPages scan = opened.scans().get(p.scan());
        pageLabel.setText(RequestsView.pageWords(messages, opened, p));
        problemLabel.setText("");
        rendering.run(x -> vm.render(scan, p.page()), image -> {
            imageView.setImage(image);
            applyZoom();
            scroll.setVvalue(0);
        }, e -> problemLabel.setText(e instanceof id.berkasdesa.common.MessageException m ? m.message(messages)
                : messages.get("document.error.viewFailed")));
    }

    private double currentFit() {
        Image image = imageView.getImage();
        return image == null ? 1 : Math.max(0.1, (scroll.getViewportBounds().getWidth() - 24) / image.getWidth());
    }

    private void applyZoom() {
        Image image = imageView.getImage();
        if (image == null) {
            return;
        }
        double z = zoom == null ? currentFit() : zoom;
        imageView.setFitWidth(image.getWidth() * z);
        zoomLabel.setText(Math.round(z * 100) + "%");
    }
}
