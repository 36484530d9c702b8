package id.berkasdesa.household;

import id.berkasdesa.adminduk.Sex;
import id.berkasdesa.wilayah.Wilayah;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Valid households and members for tests, in Kec. Cibinong (32.01.01). */
public final class Households {

    public static final Wilayah WILAYAH = Wilayah.load();

    private Households() {
    }

    /** A valid NIK issued in 32.01.01 for the given birth date and sex. */
    public static String nik(LocalDate birth, Sex sex, int serial) {
        int day = birth.getDayOfMonth() + (sex == Sex.P ? 40 : 0);
        return "320101%02d%02d%02d%04d".formatted(day, birth.getMonthValue(), birth.getYear() % 100, serial);
    }

    public static Member member(String nama, Sex sex, LocalDate birth, int shdk, int serial) {
        return new Member(UUID.randomUUID(), nik(birth, sex, serial), false, nama, sex, "BOGOR", birth, 1, 5, 9,
                shdk == CodeList.SHDK_ANAK ? 1 : 2, shdk, CodeList.WNI, "AYAH " + nama, "IBU " + nama,
                MemberStatus.AKTIF, null);
    }

    /** A KK with a head, a wife and a child; {@code seed} keeps numbers apart between households. */
    public static Household family(int seed) {
        LocalDate head = LocalDate.of(1980, 1 + seed % 12, 1 + seed % 28);
        List<Member> members = List.of(
                member("BUDI UJI " + seed, Sex.L, head, CodeList.KEPALA_KELUARGA, 1000 + seed % 9000),
                member("SITI UJI " + seed, Sex.P, head.plusYears(2), CodeList.SHDK_ISTRI, 1000 + seed % 9000),
                member("ANAK UJI " + seed, Sex.L, head.plusYears(25), CodeList.SHDK_ANAK, 1000 + seed % 9000));
        return new Household(UUID.randomUUID(), "3201011203%06d".formatted(seed), "JL. MAWAR NO. " + seed, "001",
                "002", "DUSUN I", "16911", false, members);
    }
}
