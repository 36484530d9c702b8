package id.berkasdesa.household.ui;

import id.berkasdesa.common.Finding;
import id.berkasdesa.household.CodeList;
import id.berkasdesa.common.DateText;
import id.berkasdesa.household.HouseholdRules;
import id.berkasdesa.household.Member;
import id.berkasdesa.household.MemberStatus;
import id.berkasdesa.adminduk.Sex;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One member as it is being typed in the form: text and choices, turned into a {@link Member} for the rules. */
final class MemberDraft {

    final UUID id;
    /** Saved before: can be marked moved out or deceased, not deleted. */
    final boolean stored;
    /** Show every finding, not only those of fields left once: saved data, or after a save attempt. */
    boolean revealed;
    final StringProperty nik = new SimpleStringProperty("");
    final BooleanProperty tanpaNik = new SimpleBooleanProperty(false);
    final StringProperty nama = new SimpleStringProperty("");
    final ObjectProperty<Sex> sex = new SimpleObjectProperty<>();
    final StringProperty tempatLahir = new SimpleStringProperty("");
    final StringProperty tanggalLahir = new SimpleStringProperty("");
    final ObjectProperty<CodeList.Code> agama = new SimpleObjectProperty<>();
    final ObjectProperty<CodeList.Code> pendidikan = new SimpleObjectProperty<>();
    final ObjectProperty<CodeList.Code> pekerjaan = new SimpleObjectProperty<>();
    final ObjectProperty<CodeList.Code> statusPerkawinan = new SimpleObjectProperty<>();
    final ObjectProperty<CodeList.Code> shdk = new SimpleObjectProperty<>();
    final ObjectProperty<CodeList.Code> kewarganegaraan = new SimpleObjectProperty<>();
    final StringProperty namaAyah = new SimpleStringProperty("");
    final StringProperty namaIbu = new SimpleStringProperty("");
    final ObjectProperty<MemberStatus> status = new SimpleObjectProperty<>(MemberStatus.AKTIF);
    final StringProperty statusDate = new SimpleStringProperty("");
    /** The status the store has for this member (null for one not saved yet). */
    MemberStatus savedStatus;

    private MemberDraft(UUID id, boolean stored) {
        this.id = id;
        this.stored = stored;
    }

    static MemberDraft blank(boolean first) {
        MemberDraft d = new MemberDraft(UUID.randomUUID(), false);
        d.kewarganegaraan.set(CodeList.KEWARGANEGARAAN.find(CodeList.WNI).orElseThrow());
        if (first) {
            d.shdk.set(CodeList.SHDK.find(CodeList.KEPALA_KELUARGA).orElseThrow());
        }
        return d;
    }

    static MemberDraft of(Member m) {
        MemberDraft d = new MemberDraft(m.id(), true);
        d.revealed = true;
        d.nik.set(m.nik() == null ? "" : m.nik());
        d.tanpaNik.set(m.tanpaNik());
        d.nama.set(m.nama());
        d.sex.set(m.sex());
        d.tempatLahir.set(m.tempatLahir());
        d.tanggalLahir.set(m.tanggalLahir() == null ? "" : DateText.format(m.tanggalLahir()));
        d.agama.set(CodeList.AGAMA.find(m.agama()).orElse(null));
        d.pendidikan.set(CodeList.PENDIDIKAN.find(m.pendidikan()).orElse(null));
        d.pekerjaan.set(CodeList.PEKERJAAN.find(m.pekerjaan()).orElse(null));
        d.statusPerkawinan.set(CodeList.STATUS_PERKAWINAN.find(m.statusPerkawinan()).orElse(null));
        d.shdk.set(CodeList.SHDK.find(m.shdk()).orElse(null));
        d.kewarganegaraan.set(CodeList.KEWARGANEGARAAN.find(m.kewarganegaraan()).orElse(null));
        d.namaAyah.set(nz(m.namaAyah()));
        d.namaIbu.set(nz(m.namaIbu()));
        d.status.set(m.status());
        d.savedStatus = m.status();
        d.statusDate.set(m.statusDate() == null ? "" : DateText.format(m.statusDate()));
        return d;
    }

    /** Everything the form listens to for changes. */
    Observable[] observables() {
        return new Observable[] {nik, tanpaNik, nama, sex, tempatLahir, tanggalLahir, agama, pendidikan, pekerjaan,
            statusPerkawinan, shdk, kewarganegaraan, namaAyah, namaIbu, status, statusDate};
    }

    Member toMember() {
        MemberStatus st = status.get() == null ? MemberStatus.AKTIF : status.get();
        return new Member(id, tanpaNik.get() ? null : nik.get(), tanpaNik.get(), nama.get(), sex.get(), tempatLahir.get(),
                DateText.parse(tanggalLahir.get()).orElse(null), code(agama), code(pendidikan), code(pekerjaan),
                code(statusPerkawinan), code(shdk), code(kewarganegaraan), namaAyah.get(), namaIbu.get(), st,
                st == MemberStatus.AKTIF ? null : DateText.parse(statusDate.get()).orElse(null));
    }

    /** Dates typed in a form the rules cannot read: said as such, not as "missing". */
    List<Finding> dateTextFindings(int index) {
        List<Finding> out = new ArrayList<>();
        if (!tanggalLahir.get().isBlank() && DateText.parse(tanggalLahir.get()).isEmpty()) {
            out.add(Finding.error(HouseholdRules.memberField(index, "tanggalLahir"), "date.format", tanggalLahir.get()));
        }
        if (status.get() != MemberStatus.AKTIF && !statusDate.get().isBlank() && DateText.parse(statusDate.get()).isEmpty()) {
            out.add(Finding.error(HouseholdRules.memberField(index, "status"), "date.format", statusDate.get()));
        }
        return out;
    }

    private static Integer code(ObjectProperty<CodeList.Code> p) {
        return p.get() == null ? null : p.get().code();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
