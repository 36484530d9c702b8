package id.berkasdesa.request.ui;

import id.berkasdesa.common.Messages;
import id.berkasdesa.common.ui.DialogService;
import id.berkasdesa.common.ui.Fxml;
import id.berkasdesa.document.Diagnosis;
import id.berkasdesa.document.RequirementPreset;
import id.berkasdesa.request.RequestPolicy;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;

/** The numbers of the request rules: window, amber days, urgent categories, follow-up periods and their dates. */
public final class RequestSettingsDialog {

    @FXML TextField windowField, soonField, periodsField;
    @FXML FlowPane urgentPane;
    @FXML TextArea startsArea;
    @FXML Label presetLabel, problemLabel;

    private final Map<Diagnosis, CheckBox> urgent = new EnumMap<>(Diagnosis.class);
    private final Parent view;

    private RequestSettingsDialog(Messages messages) {
        this.view = Fxml.load(this, messages);
        for (Diagnosis d : RequestPolicy.URGENT_CHOICES) {
            CheckBox box = new CheckBox(messages.get(d.key()));
            urgent.put(d, box);
            urgentPane.getChildren().add(box);
        }
    }

    /** Shows the settings as they are; the answer, when the operator saved valid values. */
    public static Optional<RequestPolicy> ask(Messages messages, DialogService dialogs, RequestPolicy current,
            RequirementPreset preset) {
        RequestSettingsDialog d = new RequestSettingsDialog(messages);
        d.windowField.setText(String.valueOf(current.windowMonths()));
        d.soonField.setText(String.valueOf(current.soonDays()));
        d.periodsField.setText(String.valueOf(current.followUpPeriods()));
        current.urgentCategories().forEach(c -> d.urgent.get(c).setSelected(true));
        d.startsArea.setText(RequestPolicy.formatPeriodStarts(current.periodStarts()));
        d.presetLabel.setText(messages.get("request.settings.preset", messages.get(preset.key())));

        return dialogs.form(messages.get("request.settings.title"), d.view, d.windowField, d::answer,
                () -> d.problemLabel.setText(messages.get("request.settings.invalid")));
    }

    /** The settings typed, when every value is readable and in range. */
    Optional<RequestPolicy> answer() {
        try {
            int window = Integer.parseInt(windowField.getText().strip());
            int soon = Integer.parseInt(soonField.getText().strip());
            int periods = Integer.parseInt(periodsField.getText().strip());
            Optional<List<LocalDate>> starts = RequestPolicy.parsePeriodStarts(startsArea.getText());
            if (starts.isEmpty()) {
                return Optional.empty();
            }
            Set<Diagnosis> chosen = EnumSet.noneOf(Diagnosis.class);
            urgent.forEach((k, box) -> {
                if (box.isSelected()) {
                    chosen.add(k);
                }
            });
            return Optional.of(new RequestPolicy(window, soon, chosen, periods, starts.get()));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not a number, or out of range (NumberFormatException is one)
        }
    }
}
