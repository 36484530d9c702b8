package id.berkasdesa.dinas.ui;

import id.berkasdesa.common.Messages;
import id.berkasdesa.dinas.Check;
import id.berkasdesa.dinas.DecisionService;
import id.berkasdesa.dinas.DinasService;
import id.berkasdesa.files.DocumentException;
import id.berkasdesa.files.FileType;
import id.berkasdesa.files.PageImages;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the request pages read and do, off the FX thread: the list by status and check, one request's
 * content and decision, the Verifikator's proposal and the Pengesah's endorsement.
 */
public final class RequestsViewModel {

    /** A request opened beside the list: what the village sent, and its decision as it stands. */
    record Opened(DinasService.ReceivedRequest request, List<Map.Entry<String, String>> content, DecisionService.State state,
            List<String> history, List<ScanPages> scans) {
        /** Every page of every scan, in order: what Ctrl+PgDn walks through. */
        List<Page> pages() {
            List<Page> out = new java.util.ArrayList<>();
            for (int s = 0; s < scans.size(); s++) {
                for (int p = 0; p < scans.get(s).pages(); p++) {
                    out.add(new Page(s, p));
                }
            }
            return out;
        }
    }

    /** One page on show: which scan of the request, which page of it (from 0). */
    record Page(int scan, int page) {
    }

    /**
     * A scan of the request, read and decrypted when the request opens (an upload copy is about a
     * megabyte): its bytes and pages, or why it cannot be shown (then it has no pages).
     */
    record ScanPages(DinasService.Scan scan, byte[] bytes, FileType type, int pages, String problem) {
    }

    /** The reasons to choose from, with their words. */
    record ReasonChoice(String code, String words) {
        @Override
        public String toString() {
            return words;
        }
    }

    private final DinasService dinas;
    private final DecisionService decisions;
    private final Messages messages;

    public RequestsViewModel(DinasService dinas, DecisionService decisions, Messages messages) {
        this.dinas = dinas;
        this.decisions = decisions;
        this.messages = messages;
    }

    /** The list; {@code status} and {@code check} null for every one. */
    List<DinasService.ReceivedRequest> list(String status, Check check) {
        return dinas.requests(status, null, check);
    }

    Opened open(String id) {
        DinasService.ReceivedRequest r = dinas.request(id).orElseThrow(() -> new id.berkasdesa.dinas.DinasException("dinas.error.noRequest", id));
        return new Opened(r, dinas.detail(id), decisions.state(id), dinas.history(id), scans(id));
    }

    private List<ScanPages> scans(String id) {
        List<ScanPages> out = new java.util.ArrayList<>();
        for (DinasService.Scan s : dinas.scans(id)) {
            try {
                byte[] bytes = dinas.scanBytes(s);
                FileType type = FileType.sniff(bytes, Math.min(bytes.length, 16))
                        .orElseThrow(() -> new DocumentException("document.error.viewFailed"));
                out.add(new ScanPages(s, bytes, type, PageImages.pageCount(bytes, type), null));
            } catch (id.berkasdesa.common.MessageException e) {
                out.add(new ScanPages(s, null, null, 0, e.message(messages)));
            }
        }
        return out;
    }

    /** A page of a scan, drawn for the screen (off the FX thread). */
    javafx.scene.image.Image render(ScanPages scan, int page) {
        return id.berkasdesa.common.ui.Images.toFx(PageImages.render(scan.bytes(), scan.type(), page));
    }

    List<ReasonChoice> reasons() {
        var words = decisions.words(messages);
        return decisions.reasons().stream().map(r -> new ReasonChoice(r.code(), words.apply(r.code()))).toList();
    }

    /** Empty when this officer holds the request now; otherwise who does. */
    Optional<String> take(String id) {
        return decisions.take(id);
    }

    int decide(List<String> ids, DecisionService.Decision decision, String reason, String note) {
        return decisions.decide(ids, decision, reason, note);
    }

    void withdraw(String id) {
        decisions.withdraw(id);
    }

    int endorse(List<String> ids) {
        return decisions.endorse(ids);
    }

    int endorseAll() {
        return decisions.endorse(decisions.proposed());
    }
}
