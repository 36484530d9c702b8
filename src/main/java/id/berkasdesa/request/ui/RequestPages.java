package id.berkasdesa.request.ui;

import id.berkasdesa.common.MessageException;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.ui.DialogService;
import id.berkasdesa.common.ui.BackgroundTasks;
import id.berkasdesa.common.ui.TypeAhead;
import id.berkasdesa.request.Dashboard;
import id.berkasdesa.request.RequestFilter;
import id.berkasdesa.request.RequestListPdf;
import id.berkasdesa.request.RequestService;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * The request pages in the window's content area: the dashboard (the home screen), the list, and a
 * request's form. A form is made anew each time, and "back" returns to the page it was opened from.
 */
public final class RequestPages {

    private final RequestService service;
    private final Messages messages;
    private final BackgroundTasks runner;
    private final DialogService dialogs;
    private final Consumer<Parent> show;
    private final DashboardView dashboard;
    private final Supplier<RequestListPdf.Heading> heading;
    /** Made when first shown: the home screen comes first at start-up. */
    private RequestListView list;
    private Runnable backTo;
    private Runnable listShown = () -> { };

    public RequestPages(RequestService service, Messages messages, BackgroundTasks runner, DialogService dialogs,
            Consumer<Parent> show, Supplier<RequestListPdf.Heading> heading) {
        this.service = service;
        this.messages = messages;
        this.runner = runner;
        this.dialogs = dialogs;
        this.show = show;
        this.dashboard = new DashboardView(service, messages, runner, this::showList, this::openRequest);
        this.heading = heading;
        this.backTo = this::showDashboard;
    }

    private RequestFormView.LetterOpener letters;

    /** Buat SKTM from a request's form (the window opens the letter dialog). */
    public void letters(RequestFormView.LetterOpener opener) {
        this.letters = opener;
    }

    /** Told when the list is shown, also from a dashboard number (the window marks its page button). */
    public void onListShown(Runnable listener) {
        this.listShown = listener;
    }

    /** Told each time the dashboard has shown fresh numbers. */
    public void onDashboardShown(Runnable listener) {
        dashboard.onShown(listener);
    }

    public void showDashboard() {
        showDashboard(null);
    }

    /** The dashboard with numbers already read (at start-up), or read now when {@code numbers} is null. */
    public void showDashboard(Dashboard numbers) {
        backTo = this::showDashboard;
        show.accept(dashboard.view());
        if (numbers == null) {
            dashboard.refresh();
        } else {
            dashboard.show(numbers);
        }
    }

    public void showList() {
        showList(RequestFilter.all(), null);
    }

    private RequestListView list() {
        if (list == null) {
            list = new RequestListView(service, messages, runner, dialogs, this::openRequest, heading);
        }
        return list;
    }

    /**
     * Loads the dashboard's classes and styles once while the store is still opening (the JavaFX
     * thread is idle then), so the home screen appears at once when the numbers are ready.
     */
    public static void warmUp(Messages messages) {
        DashboardView warm = new DashboardView(null, messages, null, null, null);
        warm.show(Dashboard.empty(java.time.LocalDate.now()));
        new Scene(warm.view()).getRoot().applyCss(); // styles and the chart's skin, off screen
        warm.view().layout();
    }

    void showList(RequestFilter filter, String label) {
        RequestListView list = list();
        listShown.run();
        backTo = () -> {
            show.accept(list.view());
            list.refresh();
        };
        show.accept(list.view());
        list.show(filter, label);
    }

    /**
     * Fresh numbers for the dashboard or the list, when one of them is on show (after a change of
     * settings); any other page (a KK form, a request) is left as it is.
     */
    public void refresh() {
        if (dashboard.view().getScene() != null) {
            dashboard.refresh();
        } else if (list != null && list.view().getScene() != null) {
            list.refresh();
        }
    }

    void openRequest(UUID id) {
        Runnable ready = TypeAhead.hold();
        RequestFormView form = new RequestFormView(service, messages, runner, dialogs, backTo);
        form.letters(letters);
        runner.run("", p -> service.open(id), opened -> {
            if (opened.isPresent()) {
                show.accept(form.view());
                form.load(opened.get());
            } else {
                backTo.run();
            }
            ready.run();
        }, e -> {
            ready.run();
            failed(e);
        });
    }

    /**
     * From a member of a household: their open request if they have one, else a new request form.
     *
     * @param back where the form's "back" returns (the household's form)
     */
    public void requestFor(UUID householdId, UUID memberId, Runnable back) {
        requestFor(householdId, memberId, null, back);
    }

    /** The same from the Calon usulan: a new request starts with the deletion date of the Dinas Sosial's list. */
    public void requestFor(UUID householdId, UUID memberId, java.time.LocalDate deletionDate, Runnable back) {
        Runnable ready = TypeAhead.hold();
        runner.run("", p -> service.start(householdId, memberId), start -> {
            backTo = back;
            if (start.openRequest().isPresent()) {
                openRequest(start.openRequest().get());
                ready.run();
                return;
            }
            RequestFormView form = new RequestFormView(service, messages, runner, dialogs, back);
            form.letters(letters);
            show.accept(form.view());
            form.startNew(start.householdId(), start.memberId(), start.nama(), start.nik(), start.noKk(), deletionDate);
            ready.run();
        }, e -> {
            ready.run();
            failed(e);
        });
    }

    /**
     * Applies the rules again to every open request (a setting changed, or the operator asked) and
     * tells the operator which requests changed, when any did.
     */
    public void reevaluate(boolean tellWhenNothingChanged) {
        reevaluate(tellWhenNothingChanged, false);
    }

    /** At start-up: the requests still being prepared (a day passed, a letter expired). */
    public void reevaluateAtStart() {
        reevaluate(false, true);
    }

    private void reevaluate(boolean tellWhenNothingChanged, boolean preparingOnly) {
        runner.run(messages.get("request.reevaluate.running"), p -> service.toReevaluate(preparingOnly),
                ids -> reevaluateFrom(ids, 0, new ArrayList<>(), tellWhenNothingChanged), this::failed);
    }

    /** How many requests one task of the check goes through (a few hundred milliseconds on a cold start). */
    static final int CHECKED_AT_ONCE = 10;

    /**
     * The check from {@code from} on, a part per task. The worker takes tasks in order, so whatever
     * the operator asked for meanwhile (the list's search, a KK) runs between two parts: on a village
     * with hundreds of requests being prepared, the whole check took the worker for seconds after each
     * start, and the Usulan list said "none" until it ended.
     */
    private void reevaluateFrom(List<UUID> ids, int from, List<RequestService.Change> changes, boolean tellWhenNothingChanged) {
        if (from >= ids.size()) {
            if (!changes.isEmpty() || tellWhenNothingChanged) {
                dialogs.info(messages.get("request.reevaluate.title"), describe(messages, changes));
            }
            refresh();
            return;
        }
        List<UUID> part = List.copyOf(ids.subList(from, Math.min(from + CHECKED_AT_ONCE, ids.size())));
        runner.run(messages.get("request.reevaluate.running"), p -> {
            p.accept((double) from / ids.size());
            return service.reevaluatePart(part);
        }, changed -> {
            changes.addAll(changed);
            reevaluateFrom(ids, from + part.size(), changes, tellWhenNothingChanged);
        }, this::failed);
    }

    /** Which requests changed, in the operator's words (the first twelve, then how many more). */
    public static String describe(Messages messages, List<RequestService.Change> changes) {
        if (changes.isEmpty()) {
            return messages.get("request.reevaluate.none");
        }
        StringBuilder b = new StringBuilder(messages.get("request.reevaluate.some", changes.size()));
        int shown = 0;
        for (RequestService.Change c : changes) {
            if (shown++ == 12) {
                b.append("\n").append(messages.get("request.reevaluate.more", changes.size() - 12));
                break;
            }
            b.append("\n• ").append(c.nama()).append(": ");
            if (c.before() != c.after()) {
                b.append(messages.get(c.before().key())).append(" → ").append(messages.get(c.after().key()));
            }
            if (c.urgentBefore() != c.urgentAfter()) {
                b.append(c.before() != c.after() ? "; " : "")
                        .append(messages.get(c.urgentAfter() ? "request.reevaluate.nowUrgent" : "request.reevaluate.noLongerUrgent"));
            }
        }
        return b.toString();
    }

    private void failed(Throwable e) {
        dialogs.error(messages.get("request.failed.title"), e instanceof MessageException m ? m.message(messages)
                : messages.get("request.form.failed"));
    }
}
