package id.berkasdesa.village.ui;

import id.berkasdesa.common.Messages;
import id.berkasdesa.common.ui.DialogService;
import java.util.Optional;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * Berkas → Pengaturan desa (Administrator): what the village's own shape is. Today one choice: a
 * village with dusun and RT but no RW (much of Lombok, among others).
 */
public final class VillageSettingsDialog {

    private VillageSettingsDialog() {
    }

    /** @return whether the village uses RW, as saved; empty when cancelled */
    public static Optional<Boolean> ask(Messages messages, DialogService dialogs, boolean usesRw) {
        CheckBox noRw = new CheckBox(messages.get("village.settings.noRw"));
        noRw.setId("noRwBox");
        noRw.setSelected(!usesRw);
        noRw.setWrapText(true);
        Label help = new Label(messages.get("village.settings.noRw.help"));
        help.setWrapText(true);
        help.getStyleClass().add("hint");
        VBox box = new VBox(8, noRw, help);
        box.setPrefWidth(480);
        return dialogs.form(messages.get("village.settings.title"), box, noRw, () -> Optional.of(!noRw.isSelected()),
                () -> { });
    }
}
