package id.berkasdesa.bundle.ui;

import id.berkasdesa.exchange.District;

import id.berkasdesa.bundle.BundleService;
import id.berkasdesa.exchange.Progress;
import id.berkasdesa.common.MessageException;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.ui.BackgroundTasks;
import id.berkasdesa.request.RequestStatus;
import id.berkasdesa.request.RequestSummary;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleConsumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The "Kirim ke Dinas Sosial" choice without its window: which requests go, how many (and how many
 * again), which are past their limit, the stick, and the bundle written in the background. The dialog
 * binds to these properties; every call to {@link BundleService} is made here.
 */
final class ExportViewModel {

    /** A row of the choice: a request, and whether it goes. */
    static final class Row {
        final RequestSummary request;
        final SimpleBooleanProperty send;

        Row(RequestSummary request) {
            this.request = request;
            this.send = new SimpleBooleanProperty(request.status() == RequestStatus.SIAP_KIRIM);
        }
    }

    private final BundleService service;
    private final Messages messages;
    private final BackgroundTasks tasks;
    private final Runnable sent;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper count = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper warning = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sample = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper protection = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper keyless = new ReadOnlyBooleanWrapper(false);
    /** Without a district key: the operator ticked that they send personal data unencrypted, knowingly. */
    final SimpleBooleanProperty plainAccepted = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Path> folder = new ReadOnlyObjectWrapper<>();
    private LocalDate today = LocalDate.now();
    private Progress running;

    /** @param sent told after a bundle was written and its requests recorded as sent */
    ExportViewModel(BundleService service, Messages messages, BackgroundTasks tasks, Runnable sent) {
        this.service = service;
        this.messages = messages;
        this.tasks = tasks;
        this.sent = sent;
    }

    /** The requests to choose from, as read on the worker. */
    void load(BundleService.Choice choice) {
        today = choice.today();
        sample.set(choice.sampleVillage() ? messages.get("bundle.export.sampleWarning") : "");
        keyless.set(choice.district() == null);
        protection.set(choice.district() == null ? messages.get("bundle.export.plainWarning")
                : messages.get("bundle.export.sealed", choice.district(), choice.districtFingerprint()));
        rows(choice.candidates());
    }

    ObservableList<Row> rows() {
        return rows;
    }

    /** "3 usulan dipilih (1 kirim ulang)", after every tick. */
    ReadOnlyStringProperty count() {
        return count.getReadOnlyProperty();
    }

    /** The chosen requests past their 6-month limit, by name; "" when none. */
    ReadOnlyStringProperty warning() {
        return warning.getReadOnlyProperty();
    }

    /** The sample village's mark; "" for a real village. */
    /** Whom the bundle is encrypted to; or, without a district key, the warning that it will not be. */
    ReadOnlyStringProperty protection() {
        return protection.getReadOnlyProperty();
    }

    /** No district key: the bundle can only be plain, and only once {@link #plainAccepted} is ticked. */
    ReadOnlyBooleanProperty keyless() {
        return keyless.getReadOnlyProperty();
    }

    ReadOnlyStringProperty sample() {
        return sample.getReadOnlyProperty();
    }

    /** What happened last: working, done (with the file), refused, cancelled. */
    ReadOnlyStringProperty message() {
        return message.getReadOnlyProperty();
    }

    /** True while {@link #message()} tells of a bundle written and verified. */
    ReadOnlyBooleanProperty done() {
        return done.getReadOnlyProperty();
    }

    /** True while a bundle is being written: the choice is locked, Batal stops it. */
    ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Path> folder() {
        return folder.getReadOnlyProperty();
    }

    void folder(Path chosen) {
        folder.set(chosen);
        say("");
    }

    void selectReady() {
        rows.forEach(r -> r.send.set(r.request.status() == RequestStatus.SIAP_KIRIM));
    }

    void selectNone() {
        rows.forEach(r -> r.send.set(false));
    }

    void toggle(Row row) {
        row.send.set(!row.send.get());
    }

    List<UUID> chosen() {
        return rows.stream().filter(r -> r.send.get()).map(r -> r.request.id()).toList();
    }

    /** How far the bundle's writing is (0..1), from the worker's own progress. */
    ReadOnlyDoubleProperty progress() {
        return tasks.progress();
    }

    /**
     * Writes the chosen requests' bundle to the folder and verifies it there, in the background.
     * Refuses (with a message, nothing written) when nothing is chosen or no folder is.
     */
    void start() {
        if (running != null) {
            return;
        }
        List<UUID> ids = chosen();
        if (ids.isEmpty()) {
            say(messages.get("bundle.error.nothing"));
            return;
        }
        Path target = folder.get();
        if (target == null) {
            say(messages.get("bundle.export.noFolder"));
            return;
        }
        if (keyless.get() && !plainAccepted.get()) {
            say(messages.get("bundle.export.plainNotAccepted"));
            return;
        }
        boolean plain = keyless.get() && plainAccepted.get();
        say(messages.get("bundle.export.working"));
        // made here so that Batal can reach it at once; it reports through the worker once that runs
        AtomicReference<DoubleConsumer> sink = new AtomicReference<>(v -> { });
        Progress p = new Progress(v -> sink.get().accept(v));
        running = p;
        busy.set(true);
        tasks.run(messages.get("bundle.export.working"), worker -> {
            sink.set(worker);
            BundleService.Exported exported = service.export(ids, target, plain, p);
            return new Done(exported, service.candidates());
        }, result -> {
            BundleService.Exported e = result.exported();
            running = null;
            message.set(messages.get("bundle.export.done", e.file().toString(), e.requests(), e.resent(),
                    e.documents(), District.megabytes(e.zipBytes())));
            done.set(true);
            busy.set(false);
            sent.run();
            rows(result.candidates());
        }, e -> {
            running = null;
            busy.set(false);
            say(e instanceof MessageException m ? m.message(messages) : messages.get("bundle.export.failed"));
        });
    }

    /** Batal while writing: the work stops at its next chunk and leaves nothing. @return false when nothing runs */
    boolean cancel() {
        if (running == null) {
            return false;
        }
        running.cancel();
        say(messages.get("bundle.export.cancelling"));
        return true;
    }

    private record Done(BundleService.Exported exported, List<RequestSummary> candidates) {
    }

    private void say(String text) {
        done.set(false);
        message.set(text);
    }

    private void rows(List<RequestSummary> candidates) {
        rows.setAll(candidates.stream().map(Row::new).toList());
        rows.forEach(r -> r.send.addListener((o, a, b) -> counted()));
        counted();
    }

    private void counted() {
        long resend = rows.stream().filter(r -> r.send.get() && r.request.status() == RequestStatus.TERKIRIM).count();
        count.set(messages.get("bundle.export.count", chosen().size(), resend));
        // a lost stick's requests can go again, but one past its 6-month limit will likely be refused
        List<String> past = rows.stream().filter(r -> r.send.get() && r.request.deadline() != null
                && r.request.deadline().isBefore(today)).map(r -> r.request.nama()).toList();
        warning.set(past.isEmpty() ? "" : messages.get("bundle.export.pastDeadline", past.size(), String.join(", ", past)));
    }
}
