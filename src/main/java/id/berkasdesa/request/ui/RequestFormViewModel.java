package id.berkasdesa.request.ui;

import id.berkasdesa.common.ui.BackgroundTasks;
import id.berkasdesa.document.Diagnosis;
import id.berkasdesa.request.CheckChannel;
import id.berkasdesa.request.Evaluation;
import id.berkasdesa.request.ReactivationRequest;
import id.berkasdesa.request.RequestForm;
import id.berkasdesa.request.RequestInput;
import id.berkasdesa.request.RequestService;
import id.berkasdesa.request.RequestStatus;
import id.berkasdesa.request.Route;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * The request form's state and every call it makes to the service: the view binds its fields to
 * these properties, draws {@link #evaluation()} and {@link #problems()}, and asks the dialogs; this
 * class evaluates the form as typed (the newest answer wins), saves, and moves the status.
 */
final class RequestFormViewModel {

    /** Yes / no / not known, for the registry questions. */
    enum Answer {
        YA(Boolean.TRUE), TIDAK(Boolean.FALSE), BELUM_TAHU(null);

        final Boolean value;

        Answer(Boolean value) {
            this.value = value;
        }

        static Answer of(Boolean b) {
            return b == null ? BELUM_TAHU : b ? YA : TIDAK;
        }
    }

    final StringProperty checkDate = new SimpleStringProperty("");
    final ObjectProperty<CheckChannel> channel = new SimpleObjectProperty<>();
    final StringProperty bpjs = new SimpleStringProperty("");
    final StringProperty deletionDate = new SimpleStringProperty("");
    final ObjectProperty<Route> route = new SimpleObjectProperty<>();
    final StringProperty reason = new SimpleStringProperty("");
    final ObjectProperty<Diagnosis> category = new SimpleObjectProperty<>();
    final ObjectProperty<Answer> dtsen = new SimpleObjectProperty<>();
    final ObjectProperty<Answer> padan = new SimpleObjectProperty<>();

    private final ReadOnlyObjectWrapper<Evaluation> evaluation = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Map<String, String>> problems = new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);

    private final RequestService service;
    private final BackgroundTasks tasks;
    private final BackgroundTasks.Debounced typing;
    /** The checklist for the form as typed: only the newest evaluation is shown. */
    private final BackgroundTasks.Latest<Evaluation> previews;
    /** Used to evaluate a request not yet saved: counts no stored request as itself. */
    private final UUID previewId = UUID.randomUUID();
    private UUID householdId;
    private UUID memberId;
    private ReactivationRequest request;
    private boolean loading;
    private Runnable onEdited = () -> { };

    RequestFormViewModel(RequestService service, BackgroundTasks tasks) {
        this.service = service;
        this.tasks = tasks;
        this.typing = tasks.debounce(250, this::preview);
        this.previews = tasks.latest();
        for (ObservableValue<?> p : List.of(checkDate, channel, bpjs, deletionDate, route, reason, category, dtsen, padan)) {
            p.addListener((o, a, b) -> edited());
        }
    }

    /** Told on every edit by the operator (the view clears its "saved" message). */
    void onEdited(Runnable listener) {
        this.onEdited = listener;
    }

    ReadOnlyObjectProperty<Evaluation> evaluation() {
        return evaluation.getReadOnlyProperty();
    }

    /** Field name → message key of what cannot be read as typed (a date, a card number). */
    ReadOnlyObjectProperty<Map<String, String>> problems() {
        return problems.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty dirty() {
        return dirty.getReadOnlyProperty();
    }

    /** The stored request, or null while a new one is not saved yet. */
    ReactivationRequest request() {
        return request;
    }

    /** Only a request still being prepared can be edited. */
    boolean editable() {
        return request == null || request.status().preparing();
    }

    LocalDate today() {
        return service.today();
    }

    /** A new request for a member, not stored until saved; its checklist is evaluated at once. */
    void startNew(UUID household, UUID member) {
        householdId = household;
        memberId = member;
        request = null;
        fill(RequestForm.empty());
        preview();
    }

    void load(RequestService.Opened opened) {
        // a preview still on its way was made for the form before this: it must not overwrite what is stored
        typing.stop();
        previews.forget();
        request = opened.request();
        householdId = request.householdId();
        memberId = request.memberId();
        fill(request.form());
        evaluation.set(opened.evaluation());
    }

    private void fill(RequestForm f) {
        loading = true;
        RequestInput in = RequestInput.of(f);
        checkDate.set(in.checkDate());
        channel.set(in.checkChannel());
        bpjs.set(in.bpjsNumber());
        deletionDate.set(in.deletionDate());
        route.set(in.route());
        reason.set(in.reason());
        category.set(in.urgentCategory());
        dtsen.set(Answer.of(in.dtsenRegistered()));
        padan.set(Answer.of(in.adminduksPadan()));
        loading = false;
        dirty.set(false);
        problems.set(Map.of());
    }

    private RequestInput input() {
        return new RequestInput(checkDate.get(), channel.get(), bpjs.get(), deletionDate.get(), route.get(), reason.get(),
                category.get(), dtsen.get() == null ? null : dtsen.get().value, padan.get() == null ? null : padan.get().value);
    }

    private void edited() {
        if (loading) {
            return;
        }
        dirty.set(true);
        onEdited.run();
        typing.restart();
    }

    UUID householdId() {
        return householdId;
    }

    UUID memberId() {
        return memberId;
    }

    /** The checklist for the form as typed, evaluated in the background; nothing is saved. */
    void preview() {
        RequestInput.Parsed parsed = input().parse();
        problems.set(parsed.problems());
        UUID id = request == null ? previewId : request.id();
        UUID household = householdId;
        UUID member = memberId;
        previews.run(p -> service.preview(id, household, member, parsed.form()), evaluation::set, e -> { });
    }

    /**
     * Saves the form as typed (a new request, or the one being prepared).
     *
     * @return false, saving nothing, when something typed cannot be read ({@link #problems()} says what)
     */
    boolean save(String status, Consumer<RequestService.Opened> saved, Consumer<Throwable> failed) {
        if (!editable()) {
            return true;
        }
        RequestInput.Parsed parsed = input().parse();
        problems.set(parsed.problems());
        if (!parsed.ok()) {
            return false;
        }
        typing.stop();
        previews.forget();
        UUID existing = request == null ? null : request.id();
        UUID household = householdId;
        UUID member = memberId;
        tasks.run(status, p -> {
            ReactivationRequest r = existing == null ? service.create(household, member, parsed.form())
                    : service.update(existing, parsed.form());
            return service.open(r.id()).orElseThrow();
        }, opened -> {
            load(opened);
            saved.accept(opened);
        }, failed);
        return true;
    }

    /** Moves the stored request on ({@code date} or {@code text} as the move needs), then reloads it. */
    void move(RequestStatus to, LocalDate date, String text, Consumer<RequestService.Opened> done,
            Consumer<Throwable> failed) {
        UUID id = request.id();
        tasks.run("", p -> {
            service.move(id, to, date, text);
            return service.open(id).orElseThrow();
        }, opened -> {
            load(opened);
            done.accept(opened);
        }, failed);
    }

    /** The person's data was updated in DTSEN on {@code date}: the follow-up is done. */
    void closeFollowUp(LocalDate date, Consumer<RequestService.Opened> done, Consumer<Throwable> failed) {
        UUID id = request.id();
        tasks.run("", p -> {
            service.closeFollowUp(id, date);
            return service.open(id).orElseThrow();
        }, opened -> {
            load(opened);
            done.accept(opened);
        }, failed);
    }

    /** Deletes the request, which was never sent. */
    void delete(Runnable deleted, Consumer<Throwable> failed) {
        UUID id = request.id();
        tasks.run("", p -> {
            service.deleteUnsent(id);
            return id;
        }, x -> deleted.run(), failed);
    }
}
