package id.berkasdesa.household.ui;

import id.berkasdesa.common.Messages;
import id.berkasdesa.common.ui.DialogService;
import id.berkasdesa.common.ui.BackgroundTasks;
import id.berkasdesa.common.ui.TypeAhead;
import id.berkasdesa.document.DocumentService;
import id.berkasdesa.household.Household;
import id.berkasdesa.household.HouseholdService;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.scene.Parent;

/**
 * The register's pages in the window's content area: the list, and a form opened from it. A form
 * is made anew each time it opens, so nothing of one household lingers into the next.
 */
public final class HouseholdPages {

    private final HouseholdService service;
    private final DocumentService documents;
    private final Messages messages;
    private final BackgroundTasks runner;
    private final DialogService dialogs;
    private final Consumer<Parent> show;
    /** Made when first shown: the home screen comes first at start-up. */
    private HouseholdListView list;
    /** The form on show, if any: told when the document settings change. */
    private HouseholdFormView form;

    /** Opens a member's reactivation request; "back" from it returns to the household's form. */
    public interface RequestOpener {
        void open(UUID householdId, UUID memberId, Runnable back);
    }

    private final RequestOpener requests;
    /** The village's setting: whether its households have an RW at all. */
    private boolean usesRw = true;

    /** Whether the one signed in may only look (a Pemeriksa): the form opens read-only. */
    private boolean readOnly;

    public void readOnly(boolean only) {
        this.readOnly = only;
        if (form != null) {
            form.readOnly(only);
        }
    }

    /** The village's RW setting, as read (on the worker) at start and whenever the Administrator changes it. */
    public void usesRw(boolean uses) {
        this.usesRw = uses;
        if (list != null) {
            list.usesRw(uses);
        }
        if (form != null) {
            form.usesRw(uses);
        }
    }

    public HouseholdPages(HouseholdService service, DocumentService documents, Messages messages, BackgroundTasks runner,
            DialogService dialogs, Consumer<Parent> show, RequestOpener requests) {
        this.requests = requests;
        this.service = service;
        this.documents = documents;
        this.messages = messages;
        this.runner = runner;
        this.dialogs = dialogs;
        this.show = show;
    }

    /** The requirement preset, size limit or validity changed: an open form shows its checklist anew. */
    public void documentSettingsChanged() {
        if (form != null) {
            form.reloadDocuments();
        }
    }

    private record Opened(Household household, List<String> previousKk) {
    }

    /** Buat surat from a member of an open KK (household id, member id). */
    private java.util.function.BiConsumer<UUID, UUID> onLetter;

    public void onLetter(java.util.function.BiConsumer<UUID, UUID> letter) {
        this.onLetter = letter;
    }

    public void showList() {
        Runnable ready = TypeAhead.hold();
        if (list == null) {
            list = new HouseholdListView(service, messages, runner, this::openForm);
            list.usesRw(usesRw);
        }
        form = null;
        show.accept(list.view());
        list.refresh(true);
        list.focusSearch();
        ready.run();
    }

    private void openForm(UUID id) {
        // keys typed right after Ctrl+N or Enter wait for the form's first field
        Runnable ready = TypeAhead.hold();
        HouseholdFormView form = new HouseholdFormView(service, documents, messages, runner, dialogs, this::showList,
                requests == null ? null : (household, member) -> requests.open(household, member, () -> openForm(household)));
        this.form = form;
        form.onLetter(onLetter);
        form.usesRw(usesRw);
        form.readOnly(readOnly);
        if (id == null) {
            show.accept(form.view());
            form.startNew();
            ready.run();
            return;
        }
        runner.run("", p -> service.load(id).map(h -> new Opened(h, service.previousKkNumbers(id))), opened -> {
            if (opened.isPresent()) {
                show.accept(form.view());
                form.load(opened.get().household(), opened.get().previousKk());
                // found by a member's name or NIK: the form opens on that member, not on the head
                form.selectMatching(list == null ? null : list.searchText());
            } else {
                list.refresh(true);
            }
            ready.run();
        }, e -> {
            ready.run();
            dialogs.error(messages.get("household.form.loadFailed.title"), messages.get("household.form.loadFailed"));
        });
    }
}
