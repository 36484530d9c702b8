package id.berkasdesa.bundle.ui;

import id.berkasdesa.bundle.ResponseService;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.ui.BackgroundTasks;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * "Baca balasan Dinas Sosial" without its window: the file read on the worker into a preview, the
 * preview's text (summary, one line per skipped row), and the changes applied in one unit of work.
 * Nothing changes in the store until {@link #apply}.
 */
final class ResponseViewModel {

    private final ResponseService service;
    private final Messages messages;
    private final BackgroundTasks tasks;

    ResponseViewModel(ResponseService service, Messages messages, BackgroundTasks tasks) {
        this.service = service;
        this.messages = messages;
        this.tasks = tasks;
    }

    /** Reads the file (xlsx or a response bag) in the background; changes nothing. */
    void read(Path file, Consumer<ResponseService.Preview> onPreview, Consumer<Throwable> onFailure) {
        tasks.run(messages.get("response.reading"), p -> service.read(file), onPreview, onFailure);
    }

    /** Applies every change of the preview in one unit of work, in the background. */
    void apply(ResponseService.Preview preview, Consumer<ResponseService.Applied> onApplied, Consumer<Throwable> onFailure) {
        tasks.run(messages.get("response.applying"), p -> service.apply(preview), onApplied, onFailure);
    }

    String summary(ResponseService.Preview p) {
        String summary = messages.get("response.preview.summary", p.source(), p.changes().size(), p.skipped().size(),
                p.alreadyRecorded(), p.undecided());
        if (p.answer() != null && p.answer().appliedBefore()) {
            summary = messages.get("response.appliedBefore") + " " + summary;
        }
        // who vouches for it: the Dinas Sosial's signature, or (before its key is imported) nobody
        return summary + " " + (p.signedBy() != null ? messages.get("response.preview.signed", p.signedBy())
                : messages.get("response.preview.unsigned"));
    }

    /** "Baris 3 (SITI, NIK …): why", one per skipped row. */
    List<String> skippedLines(ResponseService.Preview p) {
        return p.skipped().stream().map(k -> messages.get("response.preview.skippedRow", k.row(), k.who(),
                k.finding().message(messages))).toList();
    }

    String appliedText(ResponseService.Applied applied) {
        return messages.get("response.applied", applied.changed(), applied.letters());
    }
}
