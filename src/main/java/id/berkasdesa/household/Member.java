package id.berkasdesa.household;

import id.berkasdesa.adminduk.Sex;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One person on a Kartu Keluarga, as the KK form lists them. Also the shape of a form being typed:
 * fields may be null until the rules accept it.
 *
 * @param nik null exactly when {@code tanpaNik}: "belum memiliki NIK" is recorded, never a fake number
 * @param statusDate the date of moving out or death; null while {@link MemberStatus#AKTIF}
 */
public record Member(UUID id, String nik, boolean tanpaNik, String nama, Sex sex, String tempatLahir,
        LocalDate tanggalLahir, Integer agama, Integer pendidikan, Integer pekerjaan, Integer statusPerkawinan,
        Integer shdk, Integer kewarganegaraan, String namaAyah, String namaIbu, MemberStatus status,
        LocalDate statusDate) {

    public boolean isActive() {
        return status == MemberStatus.AKTIF;
    }

    public boolean isHead() {
        return isActive() && shdk != null && shdk == CodeList.KEPALA_KELUARGA;
    }

    public Member withStatus(MemberStatus newStatus, LocalDate date) {
        return new Member(id, nik, tanpaNik, nama, sex, tempatLahir, tanggalLahir, agama, pendidikan, pekerjaan,
                statusPerkawinan, shdk, kewarganegaraan, namaAyah, namaIbu, newStatus, date);
    }

    public Member withNik(String newNik) {
        return new Member(id, newNik, newNik == null, nama, sex, tempatLahir, tanggalLahir, agama, pendidikan,
                pekerjaan, statusPerkawinan, shdk, kewarganegaraan, namaAyah, namaIbu, status, statusDate);
    }
}
