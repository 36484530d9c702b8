package id.berkasdesa.letter.ui;

import id.berkasdesa.common.MessageException;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.ui.BackgroundTasks;
import id.berkasdesa.common.ui.DialogService;
import id.berkasdesa.surat.LetterNumber;
import id.berkasdesa.letter.LetterService;
import id.berkasdesa.letter.LetterTemplate;
import id.berkasdesa.surat.LetterType;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * Surat → Pengaturan surat (Administrator): the number format with OpenSID's tokens and an example of
 * the next number, each type's kode surat, one sequence for all or one per code, how long an SKTM is
 * valid, the a.n. signatory, and each letter's text with the fields it may use listed beside it.
 * Refused whole, with the reason, when the format or a text is wrong.
 */
public final class LetterSettingsDialog {

    private final LetterService letters;
    private final Messages messages;
    private final DialogService dialogs;
    private final BackgroundTasks tasks;
    final TextField format = new TextField();
    final Label example = new Label();
    final Label problem = new Label();

    public LetterSettingsDialog(LetterService letters, Messages messages, DialogService dialogs, BackgroundTasks tasks) {
        this.letters = letters;
        this.messages = messages;
        this.dialogs = dialogs;
        this.tasks = tasks;
    }

    public void show() {
        LetterService.Settings s = letters.settings();
        format.setId("letterFormat");
        format.setText(s.format());
        format.setPrefColumnCount(40);
        example.setId("letterFormatExample");
        example.setWrapText(true);
        example.setMaxWidth(460);
        Map<LetterType, TextField> codes = new EnumMap<>(LetterType.class);
        Map<LetterType, String> templates = new EnumMap<>(s.templates());
        CheckBox one = new CheckBox(messages.get("letter.settings.oneSequence"));
        one.setId("letterOneSequence");
        one.setSelected(s.oneSequence());
        one.setWrapText(true);
        one.setMaxWidth(460);
        Spinner<Integer> months = new Spinner<>(1, 12, s.validMonths());
        months.setId("letterValidMonths");
        months.setEditable(true);
        TextField signerName = new TextField(s.signerName());
        signerName.setId("letterSignerName");
        TextField signerTitle = new TextField(s.signerTitle());
        TextField signerNip = new TextField(s.signerNip());
        ComboBox<LetterType> which = new ComboBox<>();
        which.setId("letterTemplateType");
        which.getItems().setAll(LetterType.VILLAGE);
        which.setConverter(id.berkasdesa.common.ui.Converters.of(t -> t == null ? "" : messages.get(t.key())));
        which.setValue(LetterType.SKTM);
        TextArea template = new TextArea(templates.get(LetterType.SKTM));
        template.setId("letterTemplate");
        template.setWrapText(true);
        template.setPrefRowCount(12);
        template.textProperty().addListener((o, a, b) -> templates.put(which.getValue(), b));
        which.valueProperty().addListener((o, a, b) -> template.setText(templates.get(b)));
        Label fields = new Label(messages.get("letter.settings.fields", LetterTemplate.FIELDS.stream().map(f -> "[" + f + "]")
                .collect(Collectors.joining(" "))));
        fields.setWrapText(true);
        fields.setMaxWidth(700);

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        int row = 0;
        grid.addRow(row++, label("letter.settings.format", format), format);
        grid.addRow(row++, new Label(""), example);
        Label tokens = new Label(messages.get("letter.settings.tokens", String.join(" ", LetterNumber.TOKENS)));
        tokens.setWrapText(true);
        tokens.setMaxWidth(460);
        grid.addRow(row++, new Label(""), tokens);
        for (LetterType t : LetterType.VILLAGE) {
            TextField code = new TextField(s.code(t));
            code.setPrefColumnCount(8);
            codes.put(t, code);
            code.textProperty().addListener((o, a, b) -> showExample(codes.get(LetterType.SKTM).getText()));
            grid.addRow(row++, label(messages.get("letter.settings.code", messages.get(t.key())), code), code);
        }
        grid.addRow(row++, new Label(""), one);
        grid.addRow(row++, label("letter.settings.validMonths", months), months);
        grid.addRow(row++, label("letter.settings.signerName", signerName), signerName);
        grid.addRow(row++, label("letter.settings.signerTitle", signerTitle), signerTitle);
        grid.addRow(row++, label("letter.settings.signerNip", signerNip), signerNip);
        grid.addRow(row++, label("letter.settings.template", which), which);
        problem.setId("letterSettingsProblem");
        problem.setWrapText(true);
        problem.setMaxWidth(700);
        problem.getStyleClass().add("check-bad");
        format.textProperty().addListener((o, a, b) -> showExample(codes.get(LetterType.SKTM).getText()));
        showExample(s.code(LetterType.SKTM));
        VBox box = new VBox(8, grid, template, fields, problem);
        box.setPrefWidth(760);
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(560);

        dialogs.form(messages.get("letter.settings.title"), scroll, format, () -> {
            Map<LetterType, String> c = new EnumMap<>(LetterType.class);
            codes.forEach((t, f) -> c.put(t, f.getText().strip().isEmpty() ? t.defaultCode() : f.getText().strip()));
            LetterService.Settings next = new LetterService.Settings(format.getText().strip(), c, one.isSelected(),
                    months.getValue(), templates, signerName.getText(), signerTitle.getText(), signerNip.getText());
            Optional<id.berkasdesa.surat.LetterException> wrong = letters.problem(next);
            wrong.ifPresent(e -> problem.setText(e.message(messages)));
            return wrong.isPresent() ? Optional.empty() : Optional.of(next);
        }, () -> { }).ifPresent(next -> tasks.run("", p -> {
            letters.saveSettings(next);
            return next;
        }, saved -> dialogs.info(messages.get("letter.settings.title"), messages.get("letter.settings.saved")),
                e -> dialogs.error(messages.get("letter.settings.title"), e instanceof MessageException m ? m.message(messages)
                        : messages.get("letter.list.failed"))));
    }

    private void showExample(String code) {
        Optional<MessageException> wrong = LetterNumber.problem(format.getText()).map(e -> (MessageException) e);
        example.setText(wrong.map(e -> e.message(messages)).orElseGet(() -> messages.get("letter.settings.example",
                LetterNumber.format(format.getText(), code, 1, "3201011001", LocalDate.now()))));
    }

    private Label label(String keyOrText, javafx.scene.Node field) {
        Label l = new Label(messages.has(keyOrText) ? messages.get(keyOrText) : keyOrText);
        l.setLabelFor(field);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // never "Kode sur…"
        l.setWrapText(true);
        l.setMaxWidth(260);
        return l;
    }
}
