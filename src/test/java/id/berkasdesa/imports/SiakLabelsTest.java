package id.berkasdesa.imports;

import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.household.CodeList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Every label SIAK and OpenSID write for a code of the KK's lists is recognised, in any case and
 * spacing. The labels are OpenSID's reference tables (its {@code Data_awal_seeder}) and the extra
 * spellings its {@code Impor_model} adds for SIAK exports (v2410.0.0), plus those seen in SIAK's own
 * sample {@code format_siak.xls}.
 */
class SiakLabelsTest {

    /** (list, label, code). */
    static final List<Tuple.Tuple3<CodeList, String, Integer>> LABELS = new java.util.ArrayList<>();
    static final List<Tuple.Tuple2<String, Integer>> STATUS = List.of(Tuple.of("HIDUP", 1), Tuple.of("MATI", 2),
            Tuple.of("PINDAH", 3), Tuple.of("HILANG", 4), Tuple.of("PERGI", 6), Tuple.of("TIDAK VALID", 9),
            Tuple.of("PINDAH DALAM NEGERI", 3), Tuple.of("PINDAH LUAR NEGERI", 3), Tuple.of("Pindah Dalam Negeri", 3),
            Tuple.of("Tidak Valid", 9), Tuple.of("Hidup", 1), Tuple.of("Mati", 2));
    static final List<Tuple.Tuple2<String, Integer>> SEX = List.of(Tuple.of("LAKI-LAKI", 1), Tuple.of("PEREMPUAN", 2),
            Tuple.of("L", 1), Tuple.of("LK", 1), Tuple.of("P", 2), Tuple.of("Pr", 2), Tuple.of("Laki-Laki", 1),
            Tuple.of("Perempuan", 2));

    static {
        add(CodeList.AGAMA, Map.of("ISLAM", 1, "KRISTEN", 2, "KATHOLIK", 3, "HINDU", 4, "BUDHA", 5, "KHONGHUCU", 6,
                "Kepercayaan Terhadap Tuhan YME / Lainnya", 7, "Katolik", 3, "Buddha", 5, "Konghucu", 6));
        add(CodeList.SHDK, Map.ofEntries(Map.entry("KEPALA KELUARGA", 1), Map.entry("SUAMI", 2), Map.entry("ISTRI", 3),
                Map.entry("ANAK", 4), Map.entry("MENANTU", 5), Map.entry("CUCU", 6), Map.entry("ORANGTUA", 7),
                Map.entry("Orang Tua", 7), Map.entry("MERTUA", 8), Map.entry("FAMILI LAIN", 9), Map.entry("PEMBANTU", 10),
                Map.entry("LAINNYA", 11)));
        add(CodeList.STATUS_PERKAWINAN, Map.of("BELUM KAWIN", 1, "KAWIN", 2, "CERAI HIDUP", 3, "CERAI MATI", 4, "BK", 1,
                "K", 2, "CH", 3, "CM", 4, "KAWIN TERCATAT", 2, "KAWIN BELUM TERCATAT", 2));
        add(CodeList.STATUS_PERKAWINAN, Map.of("CERAI HIDUP TERCATAT", 3, "CERAI HIDUP BELUM TERCATAT", 3,
                "CERAI MATI TERCATAT", 4, "CERAI MATI BELUM TERCATAT", 4));
        add(CodeList.PENDIDIKAN, Map.ofEntries(Map.entry("TIDAK / BELUM SEKOLAH", 1), Map.entry("BELUM TAMAT SD/SEDERAJAT", 2),
                Map.entry("TAMAT SD / SEDERAJAT", 3), Map.entry("SLTP/SEDERAJAT", 4), Map.entry("SLTA / SEDERAJAT", 5),
                Map.entry("DIPLOMA I / II", 6), Map.entry("AKADEMI/ DIPLOMA III/S. MUDA", 7),
                Map.entry("DIPLOMA IV/ STRATA I", 8), Map.entry("STRATA II", 9), Map.entry("STRATA III", 10),
                Map.entry("Tidak/Blm Sekolah", 1), Map.entry("Tidak Tamat SD/Sederajat", 2),
                Map.entry("Akademi/Diploma III/Sarjana Muda", 7), Map.entry("Strata-II", 9), Map.entry("Strata-III", 10),
                Map.entry("Strata-I", 8), Map.entry("Tidak/Belum Sekolah", 1)));
        // OpenSID also has 3 "DUA KEWARGANEGARAAN"; the KK (and so this app) knows only WNI and WNA
        add(CodeList.KEWARGANEGARAAN, Map.of("WNI", 1, "WNA", 2, "Warga Negara Indonesia", 1));
        String[] pekerjaan = {"BELUM/TIDAK BEKERJA", "MENGURUS RUMAH TANGGA", "PELAJAR/MAHASISWA", "PENSIUNAN",
            "PEGAWAI NEGERI SIPIL (PNS)", "TENTARA NASIONAL INDONESIA (TNI)", "KEPOLISIAN RI (POLRI)", "PERDAGANGAN",
            "PETANI/PEKEBUN", "PETERNAK", "NELAYAN/PERIKANAN", "INDUSTRI", "KONSTRUKSI", "TRANSPORTASI",
            "KARYAWAN SWASTA", "KARYAWAN BUMN", "KARYAWAN BUMD", "KARYAWAN HONORER", "BURUH HARIAN LEPAS",
            "BURUH TANI/PERKEBUNAN", "BURUH NELAYAN/PERIKANAN", "BURUH PETERNAKAN", "PEMBANTU RUMAH TANGGA",
            "TUKANG CUKUR", "TUKANG LISTRIK", "TUKANG BATU", "TUKANG KAYU", "TUKANG SOL SEPATU", "TUKANG LAS/PANDAI BESI",
            "TUKANG JAHIT", "TUKANG GIGI", "PENATA RIAS", "PENATA BUSANA", "PENATA RAMBUT", "MEKANIK", "SENIMAN", "TABIB",
            "PARAJI", "PERANCANG BUSANA", "PENTERJEMAH", "IMAM MASJID", "PENDETA", "PASTOR", "WARTAWAN",
            "USTADZ/MUBALIGH", "JURU MASAK", "PROMOTOR ACARA", "ANGGOTA DPR-RI", "ANGGOTA DPD", "ANGGOTA BPK",
            "PRESIDEN", "WAKIL PRESIDEN", "ANGGOTA MAHKAMAH KONSTITUSI", "ANGGOTA KABINET KEMENTERIAN", "DUTA BESAR",
            "GUBERNUR", "WAKIL GUBERNUR", "BUPATI", "WAKIL BUPATI", "WALIKOTA", "WAKIL WALIKOTA",
            "ANGGOTA DPRD PROVINSI", "ANGGOTA DPRD KABUPATEN/KOTA", "DOSEN", "GURU", "PILOT", "PENGACARA", "NOTARIS",
            "ARSITEK", "AKUNTAN", "KONSULTAN", "DOKTER", "BIDAN", "PERAWAT", "APOTEKER", "PSIKIATER/PSIKOLOG",
            "PENYIAR TELEVISI", "PENYIAR RADIO", "PELAUT", "PENELITI", "SOPIR", "PIALANG", "PARANORMAL", "PEDAGANG",
            "PERANGKAT DESA", "KEPALA DESA", "BIARAWATI", "WIRASWASTA", "LAINNYA"};
        for (int i = 0; i < pekerjaan.length; i++) {
            LABELS.add(Tuple.of(CodeList.PEKERJAAN, pekerjaan[i], i + 1));
        }
    }

    private static void add(CodeList list, Map<String, Integer> labels) {
        labels.forEach((label, code) -> LABELS.add(Tuple.of(list, label, code)));
    }

    /** The label as someone else's program may have typed it: any case, spaces added around '/' and '-' or doubled. */
    static String retyped(String label, long seed) {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder();
        for (char c : label.toCharArray()) {
            if ((c == '/' || c == '-') && r.nextBoolean()) {
                sb.append(' ').append(c).append(' ');
            } else if (c == ' ' && r.nextBoolean()) {
                sb.append("  ");
            } else {
                sb.append(r.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
            }
        }
        return (r.nextBoolean() ? " " : "") + sb + (r.nextBoolean() ? "\u00A0" : "");
    }

    @Provide
    Arbitrary<Tuple.Tuple3<CodeList, String, Integer>> labels() {
        return Arbitraries.of(LABELS);
    }

    @Property(tries = 600)
    void everyCodeLabelIsRecognisedInAnyCaseAndSpacing(@ForAll("labels") Tuple.Tuple3<CodeList, String, Integer> label,
            @ForAll long seed) {
        String typed = retyped(label.get2(), seed);
        Cells.Read<Integer> read = Cells.code(label.get1(), Cell.text(typed));
        assertThat(read.ok()).as("%s \"%s\"", label.get1(), typed).isTrue();
        assertThat(read.value()).as("%s \"%s\"", label.get1(), typed).isEqualTo(label.get3());
    }

    @net.jqwik.api.Example
    void eachLabelAsWritten() {
        for (var l : LABELS) {
            assertThat(Cells.code(l.get1(), Cell.text(l.get2())).value()).as("%s %s", l.get1(), l.get2()).isEqualTo(l.get3());
        }
        for (var s : STATUS) {
            assertThat(Cells.statusDasar(Cell.text(s.get1())).value()).as(s.get1()).isEqualTo(s.get2());
        }
        for (var s : SEX) {
            assertThat(Cells.sex(Cell.text(s.get1())).value()).as(s.get1()).isEqualTo(s.get2());
        }
    }

    @Property(tries = 200)
    void statusAndSexLabelsInAnyCaseAndSpacing(@ForAll("statuses") Tuple.Tuple2<String, Integer> status,
            @ForAll("sexes") Tuple.Tuple2<String, Integer> sex, @ForAll long seed) {
        assertThat(Cells.statusDasar(Cell.text(retyped(status.get1(), seed))).value()).isEqualTo(status.get2());
        assertThat(Cells.sex(Cell.text(retyped(sex.get1(), seed))).value()).isEqualTo(sex.get2());
    }

    @Provide
    Arbitrary<Tuple.Tuple2<String, Integer>> statuses() {
        return Arbitraries.of(STATUS);
    }

    @Provide
    Arbitrary<Tuple.Tuple2<String, Integer>> sexes() {
        return Arbitraries.of(SEX);
    }

    @net.jqwik.api.Example
    void aLabelOfNoListIsRefusedNotGuessed() {
        assertThat(Cells.code(CodeList.PEKERJAAN, Cell.text("ASTRONOT")).ok()).isFalse();
        assertThat(Cells.statusDasar(Cell.text("PINDAH KE BULAN")).ok()).isFalse();
    }
}
