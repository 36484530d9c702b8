package id.berkasdesa.bundle.ui;

import id.berkasdesa.bundle.DistrictKeyService;
import id.berkasdesa.common.MessageException;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.ui.BackgroundTasks;
import id.berkasdesa.common.ui.DialogService;
import id.berkasdesa.common.DateText;
import id.berkasdesa.keys.PublicKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * Berkas > Kunci Dinas Sosial (Administrator): the district's public key in use (office, fingerprint,
 * who imported it and when) and this village's own key. Impor reads a {@code .kunci-publik} file and
 * shows its fingerprint to compare with the one the Dinas Sosial gives by letter or phone before it
 * is imported; a different key than the one in use is imported only after a second, explicit
 * confirmation naming both fingerprints.
 */
public final class DistrictKeyDialog {

    private final DistrictKeyService keys;
    private final Supplier<String> villageFingerprint;
    private final Messages messages;
    private final DialogService dialogs;
    private final BackgroundTasks tasks;
    final Label current = new Label();
    final Label village = new Label();
    final Label message = new Label();

    public DistrictKeyDialog(DistrictKeyService keys, Supplier<String> villageFingerprint, Messages messages,
            DialogService dialogs, BackgroundTasks tasks) {
        this.keys = keys;
        this.villageFingerprint = villageFingerprint;
        this.messages = messages;
        this.dialogs = dialogs;
        this.tasks = tasks;
    }

    public void show() {
        current.setId("districtKeyCurrent");
        current.setWrapText(true);
        current.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        village.setId("villageKeyLabel");
        village.setWrapText(true);
        message.setId("districtKeyMessage");
        message.setWrapText(true);
        message.getStyleClass().add("form-message");
        Label intro = new Label(messages.get("district.dialog.intro"));
        intro.setWrapText(true);
        Button importButton = new Button(messages.get("district.dialog.import"));
        importButton.setId("importDistrictKey");
        importButton.setOnAction(e -> chooseAndImport());
        VBox box = new VBox(10, intro, current, importButton, village, message);
        box.setPrefWidth(620);
        DialogService.wrapWhole(intro, current, village, message);
        refresh();
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle(DialogService.title(messages.get("district.dialog.title")));
        dialog.getDialogPane().setContent(box);
        dialog.getDialogPane().getButtonTypes().setAll(new ButtonType(messages.get("district.dialog.close"),
                javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.setOnShown(e -> importButton.requestFocus());
        dialogs.show(dialog);
    }

    private void refresh() {
        tasks.run("", p -> new Object[] {keys.current(), villageFingerprint.get()}, r -> {
            @SuppressWarnings("unchecked")
            Optional<DistrictKeyService.DistrictKey> k = (Optional<DistrictKeyService.DistrictKey>) r[0];
            current.setText(k.map(d -> messages.get("district.dialog.current", d.keys().name(), d.keys().code(),
                    d.fingerprint(), d.importedBy().isBlank() ? "-" : d.importedBy(), DateText.format(d.importedAt().toLocalDate())))
                    .orElse(messages.get("district.dialog.none")));
            current.getStyleClass().setAll(k.isPresent() ? "info-banner" : "warning-banner");
            village.setText(messages.get("district.dialog.village", r[1]));
            fit();
        }, e -> say(text(e)));
    }

    /** The texts arrive after the dialog is shown (read on the worker): the window grows to hold them. */
    private void fit() {
        DialogService.fit(current);
    }

    private void say(String text) {
        message.setText(text);
        fit();
    }

    private void chooseAndImport() {
        Optional<Path> file = dialogs.chooseOpenFile(messages.get("district.dialog.choose"), List.of("kunci-publik"));
        if (file.isEmpty()) {
            return;
        }
        tasks.run("", p -> new Object[] {DistrictKeyService.read(Files.readAllBytes(file.get())), keys.current()}, r -> {
            PublicKeys read = (PublicKeys) r[0];
            @SuppressWarnings("unchecked")
            Optional<DistrictKeyService.DistrictKey> now = (Optional<DistrictKeyService.DistrictKey>) r[1];
            boolean same = now.isPresent() && now.get().keys().equals(read);
            if (same) {
                say(messages.get("district.dialog.same", read.fingerprint()));
                return;
            }
            if (!dialogs.confirm(messages.get("district.dialog.title"), messages.get("district.dialog.compare", read.name(),
                    read.code(), read.fingerprint()), messages.get("district.dialog.yes"), messages.get("district.dialog.no"))) {
                return;
            }
            boolean replace = false;
            if (now.isPresent()) {
                replace = dialogs.confirmRisky(messages.get("district.dialog.title"), messages.get("district.dialog.replace",
                        now.get().keys().name(), now.get().fingerprint(), read.fingerprint()),
                        messages.get("district.dialog.replaceYes"), messages.get("district.dialog.no"));
                if (!replace) {
                    return;
                }
            }
            boolean r2 = replace;
            tasks.run("", p -> keys.importKey(read, r2), k -> {
                say(messages.get("district.dialog.done", k.keys().name(), k.fingerprint()));
                refresh();
            }, e -> say(text(e)));
        }, e -> say(text(e)));
    }

    private String text(Throwable e) {
        return e instanceof MessageException m ? m.message(messages) : messages.get("keys.error.publicFile");
    }
}
