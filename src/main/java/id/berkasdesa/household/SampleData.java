package id.berkasdesa.household;

import id.berkasdesa.adminduk.Sex;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * Clearly synthetic households for trying the app and for benchmarks: invented surnames ("Contoh",
 * "Sampel", "Fiktif"…), NIKs and KK numbers valid in form for one real kecamatan, every household
 * marked {@code sample}. The same seed gives the same households.
 */
public final class SampleData {

    private static final String[] MEN = {"AHMAD", "BUDI", "AGUS", "JOKO", "DEDI", "RUDI", "HENDRA", "ASEP", "EKO",
        "YUDI", "SLAMET", "WAHYU", "IWAN", "DODI", "ANDI", "RIZKI", "FAJAR", "DIMAS", "BAYU", "TEGUH"};
    private static final String[] WOMEN = {"SITI", "SRI", "DEWI", "NUR", "RINA", "YULI", "ENDANG", "WATI", "LINA",
        "ANI", "TUTI", "RATNA", "INDAH", "PUTRI", "AYU", "FITRI", "LESTARI", "NINA", "WULAN", "KARTIKA"};
    private static final String[] SURNAMES = {"CONTOH", "SAMPEL", "FIKTIF", "REKAAN", "PERCOBAAN", "UJICOBA",
        "PERAGA", "KHAYALAN"};
    private static final String[] PLACES = {"KOTA CONTOH", "DESA SAMPEL", "KAMPUNG FIKTIF", "DUSUN REKAAN"};
    private static final String[] DUSUN = {"DUSUN CONTOH I", "DUSUN CONTOH II", "DUSUN CONTOH III", "DUSUN CONTOH IV"};

    private final String kecamatanDigits;
    private final Random random;
    private final LocalDate today;
    private final Set<String> niks = new HashSet<>();
    private final Set<String> kks = new HashSet<>();
    private int counter;

    /**
     * @param kecamatanCode dotted kecamatan code the numbers are issued in
     */
    public SampleData(String kecamatanCode, long seed, LocalDate today) {
        this.kecamatanDigits = kecamatanCode.replace(".", "");
        this.random = new Random(seed);
        this.today = today;
    }

    public List<Household> households(int n) {
        List<Household> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(household());
        }
        return out;
    }

    public Household household() {
        counter++;
        String surname = pick(SURNAMES);
        List<Member> members = new ArrayList<>();
        LocalDate headBirth = today.minusYears(22 + random.nextInt(55)).minusDays(random.nextInt(365));
        boolean widow = random.nextInt(10) == 0;
        Sex headSex = widow ? Sex.P : Sex.L;
        members.add(person(headSex, surname, headBirth, CodeList.KEPALA_KELUARGA, widow ? 4 : 2, pick(new int[] {9, 19, 20, 88, 84, 11})));
        if (!widow) {
            LocalDate wifeBirth = headBirth.plusDays(random.nextInt(3650) - 1000);
            members.add(person(Sex.P, surname, wifeBirth, CodeList.SHDK_ISTRI, 2, pick(new int[] {2, 2, 2, 84, 19})));
        }
        int children = random.nextInt(4);
        for (int c = 0; c < children; c++) {
            LocalDate birth = headBirth.plusYears(20 + random.nextInt(15)).plusDays(random.nextInt(365));
            if (birth.isAfter(today)) {
                birth = today.minusDays(30 + random.nextInt(300));
            }
            Sex sex = random.nextBoolean() ? Sex.L : Sex.P;
            boolean baby = birth.isAfter(today.minusYears(1));
            Member child = person(sex, surname, birth, CodeList.SHDK_ANAK, 1, baby ? 1 : 3);
            members.add(baby && random.nextBoolean() ? child.withNik(null) : child);
        }
        if (random.nextInt(8) == 0) {
            members.add(person(Sex.P, pick(SURNAMES), headBirth.minusYears(25 + random.nextInt(5)), 7, 4, 1));
        }
        if (members.size() > 2 && random.nextInt(25) == 0) {
            int last = members.size() - 1;
            Member leaving = members.get(last);
            long livedDays = Math.max(1, today.toEpochDay() - leaving.tanggalLahir().toEpochDay());
            LocalDate moved = today.minusDays(random.nextInt((int) Math.min(700, livedDays)));
            members.set(last, leaving.withStatus(MemberStatus.PINDAH, moved));
        }
        return new Household(UUID.randomUUID(), kkNumber(), "JL. CONTOH " + pick(SURNAMES) + " NO. " + (1 + random.nextInt(120)),
                "%03d".formatted(1 + random.nextInt(10)), "%03d".formatted(1 + random.nextInt(5)), pick(DUSUN),
                "16911", true, members);
    }

    private Member person(Sex sex, String surname, LocalDate birth, int shdk, int kawin, int pekerjaan) {
        String name = (sex == Sex.L ? pick(MEN) : pick(WOMEN)) + " " + surname;
        String father = pick(MEN) + " " + surname;
        String mother = pick(WOMEN) + " " + pick(SURNAMES);
        int age = today.getYear() - birth.getYear();
        int pendidikan = age < 7 ? 1 : 1 + random.nextInt(age < 18 ? 4 : 8);
        return new Member(UUID.randomUUID(), nik(birth, sex), false, name, sex, pick(PLACES), birth, 1 + random.nextInt(3),
                pendidikan, pekerjaan, kawin, shdk, CodeList.WNI, father, mother, MemberStatus.AKTIF, null);
    }

    private String nik(LocalDate birth, Sex sex) {
        String datePart = "%02d%02d%02d".formatted(birth.getDayOfMonth() + (sex == Sex.P ? 40 : 0),
                birth.getMonthValue(), birth.getYear() % 100);
        return unique(niks, kecamatanDigits + datePart);
    }

    private String kkNumber() {
        LocalDate issued = today.minusDays(random.nextInt(365 * 15));
        return unique(kks, kecamatanDigits + "%02d%02d%02d".formatted(issued.getDayOfMonth(), issued.getMonthValue(),
                issued.getYear() % 100));
    }

    private String unique(Set<String> used, String twelveDigits) {
        for (int serial = 1 + random.nextInt(9000); ; serial = serial % 9999 + 1) {
            String number = twelveDigits + "%04d".formatted(serial);
            if (used.add(number)) {
                return number;
            }
        }
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private int pick(int[] values) {
        return values[random.nextInt(values.length)];
    }

    public int generated() {
        return counter;
    }
}
