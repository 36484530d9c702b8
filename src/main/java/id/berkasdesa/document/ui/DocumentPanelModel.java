package id.berkasdesa.document.ui;

import id.berkasdesa.document.Checklist;
import id.berkasdesa.document.Document;
import id.berkasdesa.document.DocumentKind;
import id.berkasdesa.document.DocumentSettings;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the document panel shows: the household's documents, the selected member, and from those
 * the member's checklist and the rows that concern the member.
 */
final class DocumentPanelModel {

    /** Null while the KK is not saved yet: nothing can be attached. */
    final ObjectProperty<UUID> householdId = new SimpleObjectProperty<>();
    /** Null when no saved member is selected. */
    final ObjectProperty<UUID> memberId = new SimpleObjectProperty<>();
    final ObservableList<Document> all = FXCollections.observableArrayList();
    final ObservableList<Document> shown = FXCollections.observableArrayList();
    final ObjectProperty<Checklist> checklist = new SimpleObjectProperty<>();
    DocumentSettings settings = DocumentSettings.DEFAULTS;
    LocalDate today = LocalDate.now();

    DocumentPanelModel() {
        all.addListener((javafx.collections.ListChangeListener<Document>) c -> refresh());
        memberId.addListener((o, a, b) -> refresh());
    }

    void refresh() {
        UUID m = memberId.get();
        shown.setAll(all.stream().filter(d -> m == null ? d.forHousehold() : d.appliesTo(m)).toList());
        checklist.set(m == null ? Checklist.forHousehold(settings, all, today) : Checklist.forMember(settings, m, all, today));
    }

    Checklist checklistOf(UUID member) {
        return Checklist.forMember(settings, member, all, today);
    }

    /** The kind to offer first: the first required one not present, else the first not present. */
    DocumentKind suggestedKind() {
        Checklist c = checklist.get();
        if (c == null) {
            return DocumentKind.KTP;
        }
        List<Checklist.Item> open = c.items().stream().filter(i -> i.state() != Checklist.State.PRESENT).toList();
        return open.stream().filter(Checklist.Item::required).findFirst().or(() -> open.stream().findFirst())
                .map(Checklist.Item::kind).orElse(DocumentKind.LAINNYA);
    }

    boolean expired(Document d) {
        return d.expired(today, settings.expiryMonths());
    }
}
