package id.berkasdesa.document.ui;

import id.berkasdesa.common.Messages;
import id.berkasdesa.common.SafeLog;
import id.berkasdesa.common.ui.DialogService;
import id.berkasdesa.common.ui.Fxml;
import id.berkasdesa.common.ui.ZoomSteps;
import id.berkasdesa.common.ui.Images;
import id.berkasdesa.common.ui.BackgroundTasks;
import id.berkasdesa.document.Document;
import id.berkasdesa.files.DocumentException;
import id.berkasdesa.document.DocumentService;
import id.berkasdesa.files.FileType;
import id.berkasdesa.document.UploadCopy;
import id.berkasdesa.files.PageImages;
import id.berkasdesa.document.SourceInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import javafx.fxml.FXML;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows a document's upload copy (or, toggled, the files as attached): zoom, page through a PDF,
 * and rotate in quarter turns, which is saved and makes a new upload copy.
 */
final class DocumentViewer {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentViewer.class);

    @FXML BorderPane root;
    @FXML Button closeButton, zoomOutButton, zoomInButton, prevButton, nextButton, rotateLeftButton, rotateRightButton;
    @FXML Label zoomLabel, pageLabel, infoLabel, warningLabel;
    @FXML ToggleButton originalToggle;
    @FXML ScrollPane scroll;
    @FXML StackPane pageHolder;
    @FXML ImageView imageView;

    private final DocumentService service;
    private final Messages messages;
    private final BackgroundTasks runner;
    private final DialogService dialogs;
    private final Runnable onRotated;
    private final long limit;
    private Document document;
    /** The pages on show: file bytes, type, page index in that file. */
    private List<PageRef> pages = List.of();
    private int page;
    /** Null: fit to the window. */
    private Double zoom;
    private final Parent view;

    /** One page on show; an original's bytes are read when its page is shown (originals go up to 50 MB each). */
    private record PageRef(Supplier<byte[]> bytes, FileType type, int index) {
    }

    private record Rotated(Document document, byte[] bytes) {
    }

    private DocumentViewer(DocumentService service, Messages messages, BackgroundTasks runner, DialogService dialogs,
            Document document, long limit, Runnable onRotated) {
        this.service = service;
        this.limit = limit;
        this.messages = messages;
        this.runner = runner;
        this.dialogs = dialogs;
        this.document = document;
        this.onRotated = onRotated;
        this.view = Fxml.load(this, messages);
    }

    /**
     * Opens the viewer as a window of its own over the main window (a Dialog sizes itself to its
     * narrowest line here), big enough to read a page on a 1366×768 screen.
     */
    static void show(DocumentService service, Messages messages, BackgroundTasks runner, DialogService dialogs,
            Document document, String title, long limit, Runnable onRotated) {
        DocumentViewer v = new DocumentViewer(service, messages, runner, dialogs, document, limit, onRotated);
        Stage stage = new Stage();
        Window owner = dialogs.owner();
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setTitle(DialogService.title(messages.get("document.viewer.title", title)));
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(v.view, Math.min(1180, screen.getWidth() - 40), Math.min(700, screen.getHeight() - 40));
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        scene.addEventFilter(KeyEvent.KEY_PRESSED, v::keys);
        stage.setScene(scene);
        stage.setOnShown(e -> v.loadPages());
        stage.setWidth(scene.getWidth());
        stage.setHeight(scene.getHeight());
        DialogService.placeOnShown(stage, owner);
        v.closeButton.setOnAction(e -> stage.close());
        stage.showAndWait();
    }

    @FXML
    void initialize() {
        originalToggle.selectedProperty().addListener((o, a, b) -> loadPages());
        rotateLeftButton.disableProperty().bind(runner.busy().or(originalToggle.selectedProperty()));
        rotateRightButton.disableProperty().bind(runner.busy().or(originalToggle.selectedProperty()));
        scroll.viewportBoundsProperty().addListener((o, a, b) -> applyZoom());
        pageHolder.minWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> scroll.getViewportBounds().getWidth(), scroll.viewportBoundsProperty()));
        pageHolder.minHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> scroll.getViewportBounds().getHeight(), scroll.viewportBoundsProperty()));
        showInfo();
    }

    private void keys(KeyEvent e) {
        KeyCode c = e.getCode();
        if (c == KeyCode.PAGE_DOWN) {
            next();
        } else if (c == KeyCode.PAGE_UP) {
            previous();
        } else if (c == KeyCode.PLUS || c == KeyCode.ADD || c == KeyCode.EQUALS) {
            zoomIn();
        } else if (c == KeyCode.MINUS || c == KeyCode.SUBTRACT) {
            zoomOut();
        } else if (c == KeyCode.DIGIT0 || c == KeyCode.NUMPAD0) {
            fit();
        } else if (c == KeyCode.ESCAPE) {
            closeButton.fire();
        } else if (e.isShortcutDown() && c == KeyCode.R) {
            if (e.isShiftDown()) {
                rotateLeft();
            } else {
                rotateRight();
            }
        } else {
            return;
        }
        e.consume();
    }

    private void showInfo() {
        infoLabel.setText(messages.get("document.viewer.info", DocumentPanel.size(document.originalSize()),
                document.sourceCount(), DocumentPanel.size(document.copySize()),
                messages.get("document.type." + document.copyType().name())));
        warningLabel.setText(document.overLimit() ? messages.get("document.viewer.overLimit",
                DocumentPanel.size(document.copySize()), DocumentPanel.size(limit)) : "");
        warningLabel.setManaged(document.overLimit());
    }

    /** Loads the page list of the copy or of the originals, then shows the first page. */
    private void loadPages() {
        boolean original = originalToggle.isSelected();
        Document d = document;
        runner.run("", p -> {
            List<PageRef> refs = new ArrayList<>();
            if (original) {
                for (SourceInfo s : service.sources(d.id())) {
                    for (int i = 0; i < s.pages(); i++) {
                        refs.add(new PageRef(() -> service.sourceBytes(s), s.type(), i));
                    }
                }
            } else {
                byte[] bytes = service.copyBytes(d);
                int n = PageImages.pageCount(bytes, d.copyType());
                for (int i = 0; i < n; i++) {
                    refs.add(new PageRef(() -> bytes, d.copyType(), i));
                }
            }
            return refs;
        }, refs -> {
            pages = refs;
            showPage(0);
        }, this::failed);
    }

    private void showPage(int index) {
        if (pages.isEmpty()) {
            return;
        }
        page = Math.max(0, Math.min(index, pages.size() - 1));
        pageLabel.setText(messages.get("document.viewer.page", page + 1, pages.size()));
        prevButton.setDisable(page == 0);
        nextButton.setDisable(page == pages.size() - 1);
        PageRef ref = pages.get(page);
        runner.run("", p -> Images.toFx(UploadCopy.shown(ref.bytes().get(), ref.type(), ref.index())), image -> {
            imageView.setImage(image);
            applyZoom();
        }, this::failed);
    }

    private void applyZoom() {
        Image image = imageView.getImage();
        if (image == null) {
            return;
        }
        double scale = zoom != null ? zoom : Math.min(1.0, Math.min(
                (scroll.getViewportBounds().getWidth() - 8) / image.getWidth(),
                (scroll.getViewportBounds().getHeight() - 8) / image.getHeight()));
        if (scale <= 0) {
            scale = 1;
        }
        imageView.setFitWidth(image.getWidth() * scale);
        zoomLabel.setText(Math.round(scale * 100) + "%");
    }

    private double currentScale() {
        Image image = imageView.getImage();
        return image == null || imageView.getFitWidth() <= 0 ? 1 : imageView.getFitWidth() / image.getWidth();
    }

    @FXML
    void zoomIn() {
        zoom = ZoomSteps.larger(currentScale()).orElse(zoom);
        applyZoom();
    }

    @FXML
    void zoomOut() {
        zoom = ZoomSteps.smaller(currentScale()).orElse(zoom);
        applyZoom();
    }

    @FXML
    void fit() {
        zoom = null;
        applyZoom();
    }

    @FXML
    void next() {
        showPage(page + 1);
    }

    @FXML
    void previous() {
        showPage(page - 1);
    }

    @FXML
    void rotateLeft() {
        rotate(-1);
    }

    @FXML
    void rotateRight() {
        rotate(1);
    }

    private void rotate(int quarterTurns) {
        if (runner.busy().get() || originalToggle.isSelected()) {
            return;
        }
        int keep = page;
        runner.run(messages.get("document.viewer.rotating"), p -> {
            Document d = service.rotate(document.id(), quarterTurns);
            return new Rotated(d, service.copyBytes(d));
        }, r -> {
            document = r.document();
            showInfo();
            onRotated.run();
            pages = IntStream.range(0, r.document().copyPages())
                    .mapToObj(i -> new PageRef(r::bytes, r.document().copyType(), i)).toList();
            showPage(keep);
        }, this::failed);
    }

    private void failed(Throwable e) {
        if (e instanceof DocumentException d) {
            dialogs.error(messages.get("document.problem.title"), d.message(messages));
        } else {
            LOG.error("document viewer failed: {}", SafeLog.describe(e));
            dialogs.error(messages.get("document.problem.title"), messages.get("document.error.viewFailed"));
        }
    }
}
