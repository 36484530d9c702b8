package id.berkasdesa.household;

import id.berkasdesa.adminduk.Nik;
import id.berkasdesa.adminduk.NoKk;
import id.berkasdesa.adminduk.AreaNumber;
import id.berkasdesa.common.Finding;
import id.berkasdesa.common.Findings;
import id.berkasdesa.wilayah.Wilayah;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Adminduk rules a Kartu Keluarga must meet before it is saved, that need nothing but the form
 * itself. Rules that need the store (a NIK held by another KK, likely duplicates) are in
 * {@link HouseholdService}.
 *
 * <p>Findings are filed under {@code noKk}, {@code alamat}, {@code rt}… for the household and
 * {@code member.<index>.<field>} for a member (index in form order).
 */
public final class HouseholdRules {

    private static final Pattern RT_RW = Pattern.compile("\\d{1,3}");
    private static final Pattern KODE_POS = Pattern.compile("\\d{5}");

    private final Wilayah wilayah;

    public HouseholdRules(Wilayah wilayah) {
        this.wilayah = wilayah;
    }

    public static String memberField(int index, String field) {
        return "member." + index + "." + field;
    }

    /** What a household of a village without RW (much of Lombok, for one) has as its RW: shown and exported as OpenSID does. */
    public static final String NO_RW = "-";

    /**
     * "3" or "03" → "003"; anything else is returned stripped, for the rules to reject. A leading
     * apostrophe (Excel's mark for a text cell, kept by some exports) is dropped, as OpenSID does.
     */
    public static String normaliseRtRw(String text) {
        String t = unquote(text);
        return RT_RW.matcher(t).matches() ? "%03d".formatted(Integer.parseInt(t)) : t;
    }

    /** The RW as {@link #normaliseRtRw}, where empty, "-", "0" or "000" all mean the household has no RW ({@link #NO_RW}). */
    public static String normaliseRw(String text) {
        String t = unquote(text);
        return t.isEmpty() || t.equals(NO_RW) || t.matches("0{1,3}") ? NO_RW : normaliseRtRw(t);
    }

    private static String unquote(String text) {
        String t = text == null ? "" : text.strip();
        return t.startsWith("'") ? t.substring(1).strip() : t;
    }

    public Findings check(Household h, LocalDate today) {
        List<Finding> out = new ArrayList<>();
        out.addAll(NoKk.check(nz(h.noKk()), wilayah).findings().all());
        required(out, "alamat", h.alamat());
        rtRw(out, "rt", h.rt());
        if (!normaliseRw(h.rw()).equals(NO_RW)) { // no RW is a village's own way, not a missing field
            rtRw(out, "rw", h.rw());
        }
        if (!blank(h.kodePos()) && !KODE_POS.matcher(h.kodePos().strip()).matches()) {
            out.add(Finding.error("kodePos", "household.kodePos.format"));
        }
        List<Member> members = h.members();
        for (int i = 0; i < members.size(); i++) {
            checkMember(out, i, members.get(i), today);
        }
        checkHead(out, members);
        checkSameNik(out, members);
        checkLikelyDuplicates(out, members);
        return Findings.of(out);
    }

    /** The rules for one member alone, as the form shows them while typing. */
    public Findings checkMember(int index, Member m, LocalDate today) {
        List<Finding> out = new ArrayList<>();
        checkMember(out, index, m, today);
        return Findings.of(out);
    }

    private void checkMember(List<Finding> out, int i, Member m, LocalDate today) {
        if (!m.tanpaNik()) {
            if (blank(m.nik())) {
                out.add(Finding.error(memberField(i, "nik"), "member.nik.missing"));
            } else {
                for (Finding f : Nik.check(m.nik(), wilayah, m.tanggalLahir(), m.sex()).findings().all()) {
                    out.add(f.atField(memberField(i, "nik")));
                }
            }
        }
        required(out, memberField(i, "nama"), m.nama());
        requiredChoice(out, memberField(i, "sex"), m.sex());
        required(out, memberField(i, "tempatLahir"), m.tempatLahir());
        if (m.tanggalLahir() == null) {
            out.add(Finding.error(memberField(i, "tanggalLahir"), "member.tanggalLahir.missing"));
        } else if (m.tanggalLahir().isAfter(today)) {
            out.add(Finding.error(memberField(i, "tanggalLahir"), "member.tanggalLahir.future"));
        }
        requiredChoice(out, memberField(i, "agama"), m.agama());
        requiredChoice(out, memberField(i, "pendidikan"), m.pendidikan());
        requiredChoice(out, memberField(i, "pekerjaan"), m.pekerjaan());
        requiredChoice(out, memberField(i, "statusPerkawinan"), m.statusPerkawinan());
        requiredChoice(out, memberField(i, "shdk"), m.shdk());
        requiredChoice(out, memberField(i, "kewarganegaraan"), m.kewarganegaraan());
        if (blank(m.namaIbu())) {
            out.add(Finding.warning(memberField(i, "namaIbu"), "member.namaIbu.missing"));
        }
        if (!m.isActive()) {
            LocalDate d = m.statusDate();
            if (d == null) {
                out.add(Finding.error(memberField(i, "status"), "member.statusDate.missing"));
            } else if (d.isAfter(today)) {
                out.add(Finding.error(memberField(i, "status"), "member.statusDate.future"));
            } else if (m.tanggalLahir() != null && d.isBefore(m.tanggalLahir())) {
                out.add(Finding.error(memberField(i, "status"), "member.statusDate.beforeBirth"));
            }
        }
    }

    private static void checkHead(List<Finding> out, List<Member> members) {
        long heads = members.stream().filter(Member::isHead).count();
        if (members.stream().noneMatch(Member::isActive)) {
            out.add(Finding.error("members", "household.members.none"));
        } else if (heads == 0) {
            out.add(Finding.error("members", "household.head.none"));
        } else if (heads > 1) {
            out.add(Finding.error("members", "household.head.many", heads));
        }
    }

    private static void checkSameNik(List<Finding> out, List<Member> members) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            if (m.tanpaNik() || blank(m.nik())) {
                continue;
            }
            String nik = AreaNumber.clean(m.nik());
            Integer first = seen.putIfAbsent(nik, i);
            if (first != null) {
                out.add(Finding.error(memberField(i, "nik"), "member.nik.twiceInKk", first + 1));
            }
        }
    }

    /** Members without NIK who look like another member: same name, birth date and mother's name. */
    private static void checkLikelyDuplicates(List<Finding> out, List<Member> members) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < members.size(); i++) {
            String key = identityKey(members.get(i));
            if (key == null) {
                continue;
            }
            Integer first = seen.putIfAbsent(key, i);
            if (first != null && (members.get(i).tanpaNik() || members.get(first).tanpaNik())) {
                out.add(Finding.warning(memberField(i, "nama"), "member.duplicate.inKk", first + 1));
            }
        }
    }

    /** Name, birth date and mother's name, folded for comparison; null when any is missing. */
    public static String identityKey(Member m) {
        if (blank(m.nama()) || m.tanggalLahir() == null || blank(m.namaIbu())) {
            return null;
        }
        return fold(m.nama()) + "|" + m.tanggalLahir() + "|" + fold(m.namaIbu());
    }

    /** Upper case with single spaces, the way names are compared. */
    public static String fold(String name) {
        return name.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }

    private static void required(List<Finding> out, String field, String value) {
        if (blank(value)) {
            out.add(Finding.error(field, "field.required"));
        }
    }

    private static void requiredChoice(List<Finding> out, String field, Object value) {
        if (value == null) {
            out.add(Finding.error(field, "field.choose"));
        }
    }

    private static void rtRw(List<Finding> out, String field, String value) {
        if (blank(value)) {
            out.add(Finding.error(field, "field.required"));
        } else if (!RT_RW.matcher(unquote(value)).matches()) {
            out.add(Finding.error(field, "household.rtRw.format"));
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
