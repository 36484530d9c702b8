package id.berkasdesa.dinas.ui;

import id.berkasdesa.common.MessageException;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.Session;
import id.berkasdesa.common.ui.BackgroundTasks;
import id.berkasdesa.common.ui.DialogService;
import id.berkasdesa.common.ui.Fxml;
import id.berkasdesa.common.ui.Page;
import id.berkasdesa.dinas.AnswerService;
import id.berkasdesa.dinas.DecisionService;
import id.berkasdesa.dinas.DinasService;
import id.berkasdesa.dinas.RecapService;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

/**
 * Balasan dan rekap: the answers to the villages (every endorsed decision not yet answered, one
 * signed and encrypted file per bundle, recorded so it is not sent twice by mistake), the office's
 * public key for the villages, and the monthly recap per village.
 */
public final class AnswersView implements Page {

    @FXML Label unansweredLabel, fingerprintLabel, recapProblem, lettersLabel;
    @FXML Button answerButton, publicKeyButton, recapButton, lettersButton, collectiveButton;
    @FXML TextField monthField;
    @FXML TableView<AnswerService.Made> made;
    @FXML TableColumn<AnswerService.Made, String> colVillage, colFile, colDecisions;

    private final DinasService dinas;
    private final AnswerService answers;
    private final DecisionService decisions;
    private final RecapService recaps;
    private final id.berkasdesa.dinas.ReactivationLetterService letters;
    private final Messages messages;
    private final BackgroundTasks runner;
    private final DialogService dialogs;
    private final Supplier<Session> who;
    private final Parent view;

    public AnswersView(DinasService dinas, AnswerService answers, DecisionService decisions, RecapService recaps,
            id.berkasdesa.dinas.ReactivationLetterService letters, Messages messages, BackgroundTasks runner, DialogService dialogs,
            Supplier<Session> who) {
        this.letters = letters;
        this.dinas = dinas;
        this.answers = answers;
        this.decisions = decisions;
        this.recaps = recaps;
        this.messages = messages;
        this.runner = runner;
        this.dialogs = dialogs;
        this.who = who;
        this.view = Fxml.load(this, messages);
    }

    @Override
    public Parent view() {
        return view;
    }

    @FXML
    void initialize() {
        colVillage.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().village()));
        colFile.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().file() == null
                ? messages.get(c.getValue().reasonKey(), c.getValue().village()) : c.getValue().file().getFileName().toString()));
        colDecisions.setCellValueFactory(c -> new ReadOnlyStringWrapper(String.valueOf(c.getValue().decisions())));
        monthField.setText(YearMonth.now().minusMonths(1).toString());
        recapProblem.managedProperty().bind(recapProblem.visibleProperty());
        recapProblem.setVisible(false);
    }

    @Override
    public void shown() {
        answerButton.setVisible(who.get().may("dinas.answer"));
        lettersButton.setVisible(who.get().may("dinas.letter"));
        collectiveButton.setVisible(who.get().may("dinas.letter"));
        refresh();
        answerButton.requestFocus();
    }

    private void refresh() {
        runner.run("", p -> new String[] {String.valueOf(answers.unanswered()), dinas.keys().publicKeys().fingerprint(),
                String.valueOf(letters.waiting())}, r -> {
            unansweredLabel.setText(messages.get("dinas.answers.unanswered", Integer.parseInt(r[0])));
            fingerprintLabel.setText(messages.get("dinas.answers.fingerprint", r[1]));
            lettersLabel.setText(messages.get("dinas.answers.lettersWaiting", Integer.parseInt(r[2])));
        }, this::failed);
    }

    /** Kirim balasan: every village's answer file to the folder chosen (a stick, or where mail is sent from). */
    @FXML
    void answer() {
        dialogs.chooseFolder(messages.get("dinas.answers.chooseFolder")).ifPresent(folder -> runner.run(
                messages.get("dinas.answers.writing"), p -> answers.write(null, folder, false, decisions.words(messages)), m -> {
                    made.getItems().setAll(m);
                    refresh();
                    dialogs.info(messages.get("dinas.answers.title"), m.isEmpty() ? messages.get("dinas.answers.none")
                            : messages.get("dinas.answers.done", m.size(), m.stream().mapToInt(AnswerService.Made::decisions).sum(),
                                    folder.toString()));
                }, this::failed));
    }

    /** Tulis surat: a surat keterangan pengaktifan kembali for every endorsed approval that has none. */
    @FXML
    void writeLetters() {
        dialogs.chooseFolder(messages.get("dinas.answers.letters")).ifPresent(folder -> runner.run(messages.get("dinas.answers.writing"),
                p -> letters.issue(folder, messages), l -> {
                    refresh();
                    dialogs.info(messages.get("dinas.answers.letters"), messages.get("dinas.answers.lettersDone", l.size(),
                            folder.toString()));
                }, this::failed));
    }

    /** Rekomendasi kolektif: one numbered letter and its xlsx annex for every letter not yet in one. */
    @FXML
    void writeCollective() {
        dialogs.chooseFolder(messages.get("dinas.answers.letters")).ifPresent(folder -> runner.run(messages.get("dinas.answers.writing"),
                p -> letters.collective(folder, messages), c -> dialogs.info(messages.get("dinas.answers.letters"), c.map(x ->
                        messages.get("dinas.answers.collectiveDone", x.number(), x.people(), x.letter().toString()))
                        .orElse(messages.get("dinas.answers.collectiveNone"))), this::failed));
    }

    /** Kunci publik untuk desa: the .kunci-publik file for the villages, and its fingerprint shown. */
    @FXML
    void publicKey() {
        dialogs.chooseFolder(messages.get("dinas.answers.publicKeyFolder")).ifPresent(folder -> runner.run("", p -> {
            Path file = dinas.writePublicKey(folder);
            return List.of(file.toString(), dinas.keys().publicKeys().fingerprint());
        }, r -> dialogs.info(messages.get("dinas.answers.publicKey"), messages.get("dinas.answers.publicKeyDone", r.get(0), r.get(1))),
                this::failed));
    }

    /** Rekap bulanan: the month typed (YYYY-MM) as an xlsx per village. */
    @FXML
    void recap() {
        YearMonth month;
        try {
            month = YearMonth.parse(monthField.getText().strip());
        } catch (DateTimeParseException e) {
            recapProblem.setText(messages.get("dinas.answers.monthBad"));
            recapProblem.setVisible(true);
            monthField.requestFocus();
            return;
        }
        recapProblem.setVisible(false);
        dialogs.chooseSaveFile(messages.get("dinas.answers.recap"), "rekap-" + month + ".xlsx").ifPresent(file -> runner.run(
                messages.get("dinas.answers.writing"), p -> recaps.write(month, file, messages,
                        dinas.office().map(DinasService.Office::officeName).orElse("")),
                f -> dialogs.info(messages.get("dinas.answers.recap"), messages.get("dinas.answers.recapDone", f.toString())),
                this::failed));
    }

    private void failed(Throwable e) {
        dialogs.error(messages.get("dinas.answers.title"), e instanceof MessageException m ? m.message(messages)
                : messages.get("dinas.ui.failed"));
    }
}
