package id.berkasdesa.household.ui;

import id.berkasdesa.common.Messages;
import id.berkasdesa.common.ui.Converters;
import id.berkasdesa.common.ui.KeyboardEntry;
import id.berkasdesa.household.CodeList;
import id.berkasdesa.household.MemberStatus;
import id.berkasdesa.adminduk.Sex;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.Property;
import javafx.collections.FXCollections;
import javafx.scene.control.Control;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;

/**
 * The member editor's controls, bound to whichever {@link MemberDraft} is selected: binding moves
 * from one draft to the next, so the controls always show and edit the selected member.
 */
final class MemberEditor {

    private record Link<T>(Property<T> control, Function<MemberDraft, Property<T>> draft) {
        void bind(MemberDraft d) {
            control.bindBidirectional(draft.apply(d));
        }

        void unbind(MemberDraft d) {
            control.unbindBidirectional(draft.apply(d));
        }
    }

    private final List<Link<?>> links = new ArrayList<>();
    private final HouseholdFormView v;
    private MemberDraft bound;
    /** While a member is being shown: its own values, not typing, fill the fields. */
    private boolean binding;

    MemberEditor(HouseholdFormView v, Messages messages) {
        this.v = v;
        v.sexBox.setItems(FXCollections.observableArrayList(Sex.values()));
        v.sexBox.setConverter(Converters.of(s -> messages.get(s == Sex.L ? "sex.L" : "sex.P")));
        v.statusBox.setItems(FXCollections.observableArrayList(MemberStatus.values()));
        v.statusBox.setConverter(Converters.of(s -> messages.get("member.status." + s.name())));
        codes(v.agamaBox, CodeList.AGAMA, messages);
        codes(v.pendidikanBox, CodeList.PENDIDIKAN, messages);
        codes(v.pekerjaanBox, CodeList.PEKERJAAN, messages);
        codes(v.kawinBox, CodeList.STATUS_PERKAWINAN, messages);
        codes(v.shdkBox, CodeList.SHDK, messages);
        codes(v.wnBox, CodeList.KEWARGANEGARAAN, messages);
        v.pekerjaanBox.setVisibleRowCount(14);
        for (ComboBox<?> box : List.of(v.sexBox, v.statusBox)) {
            KeyboardEntry.typeAhead(box, messages);
        }

        text(v.nikField, d -> d.nik);
        links.add(new Link<>(v.tanpaNikBox.selectedProperty(), d -> d.tanpaNik));
        text(v.namaField, d -> d.nama);
        links.add(new Link<>(v.sexBox.valueProperty(), d -> d.sex));
        text(v.tempatLahirField, d -> d.tempatLahir);
        text(v.tanggalLahirField, d -> d.tanggalLahir);
        links.add(new Link<>(v.agamaBox.valueProperty(), d -> d.agama));
        links.add(new Link<>(v.pendidikanBox.valueProperty(), d -> d.pendidikan));
        links.add(new Link<>(v.pekerjaanBox.valueProperty(), d -> d.pekerjaan));
        links.add(new Link<>(v.kawinBox.valueProperty(), d -> d.statusPerkawinan));
        links.add(new Link<>(v.shdkBox.valueProperty(), d -> d.shdk));
        links.add(new Link<>(v.wnBox.valueProperty(), d -> d.kewarganegaraan));
        text(v.namaAyahField, d -> d.namaAyah);
        text(v.namaIbuField, d -> d.namaIbu);
        links.add(new Link<>(v.statusBox.valueProperty(), d -> d.status));
        text(v.statusDateField, d -> d.statusDate);

        // a NIK says its holder's sex and birth date: an empty field is filled from it (the operator checks it)
        v.nikField.textProperty().addListener((o, was, is) -> {
            if (bound == null || binding) {
                return;
            }
            id.berkasdesa.adminduk.Nik.holder(is, java.time.LocalDate.now()).ifPresent(h -> {
                if (v.sexBox.getValue() == null) {
                    v.sexBox.setValue(h.sex());
                }
                if (v.tanggalLahirField.getText() == null || v.tanggalLahirField.getText().isBlank()) {
                    v.tanggalLahirField.setText(id.berkasdesa.common.DateText.format(h.birthDate()));
                }
            });
        });
        v.nikField.disableProperty().bind(v.tanpaNikBox.selectedProperty());
        v.statusDateField.disableProperty().bind(v.statusBox.valueProperty().isEqualTo(MemberStatus.AKTIF));
        setDisabled(true);
    }

    private void text(TextField field, Function<MemberDraft, Property<String>> draft) {
        links.add(new Link<>(field.textProperty(), draft));
    }

    private static void codes(ComboBox<CodeList.Code> box, CodeList list, Messages messages) {
        box.setItems(FXCollections.observableArrayList(list.codes()));
        KeyboardEntry.typeAhead(box, messages);
    }

    void show(MemberDraft d) {
        if (bound != null) {
            for (Link<?> l : links) {
                l.unbind(bound);
            }
        }
        bound = d;
        binding = true;
        try {
            if (d != null) {
                for (Link<?> l : links) {
                    l.bind(d);
                }
            }
        } finally {
            binding = false;
        }
        setDisabled(d == null);
    }

    private void setDisabled(boolean disabled) {
        v.memberGrid.setDisable(disabled);
    }

    /** The editor's controls in entry order, for Enter-moves-focus ("Belum memiliki NIK" is left to Tab). */
    List<Control> order() {
        return List.of(v.nikField, v.namaField, v.sexBox, v.tempatLahirField, v.tanggalLahirField,
                v.agamaBox, v.pendidikanBox, v.pekerjaanBox, v.kawinBox, v.shdkBox, v.wnBox, v.namaAyahField,
                v.namaIbuField, v.statusBox, v.statusDateField);
    }
}
