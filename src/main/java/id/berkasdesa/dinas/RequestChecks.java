package id.berkasdesa.dinas;

import id.berkasdesa.adminduk.Nik;
import id.berkasdesa.adminduk.NoKk;
import id.berkasdesa.adminduk.Verdict;
import id.berkasdesa.common.DateText;
import id.berkasdesa.exchange.Paket;
import id.berkasdesa.surat.LetterPdf;
import id.berkasdesa.surat.LetterQr;
import id.berkasdesa.wilayah.Wilayah;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The checks that need only the request itself and the office: its numbers, its area, its window
 * and its documents. Those that need the store ({@link Check#GANDA}, the key and the trail) are the
 * inbox's. Plain rules: the same request and office give the same checks.
 */
public final class RequestChecks {

    /** The request's columns in a bundle (docs/paket.md). */
    static final String ID = "ID Usulan";
    static final String KODE_DESA = "Kode Desa";
    static final String NIK = "NIK";
    static final String NO_KK = "No KK";
    static final String NAMA = "Nama";
    static final String DEACTIVATED = "Tanggal Penonaktifan";
    static final String URGENT = "Kategori Mendesak";
    static final String FASKES = "FASKES";
    static final String SKTM = "SKTM";

    private RequestChecks() {
    }

    /**
     * @param windowMonths deactivation to receipt, at most (the office's setting; Pusdatin, Feb 2026: 6)
     * @param requireSktm whether the office asks every request for an SKTM
     */
    public static Set<Check> of(Paket.Usulan request, String kabupaten, LocalDate received, Wilayah wilayah, int windowMonths,
            boolean requireSktm) {
        Set<Check> found = EnumSet.noneOf(Check.class);
        String nik = text(request, NIK);
        String kk = text(request, NO_KK);
        if (Nik.check(nik, wilayah).verdict() == Verdict.INVALID || !kk.isEmpty() && NoKk.check(kk, wilayah).verdict() == Verdict.INVALID) {
            found.add(Check.NIK);
        }
        String kabupatenDigits = kabupaten.replace(".", "");
        if (!text(request, KODE_DESA).startsWith(kabupaten + ".") || !nik.startsWith(kabupatenDigits)) {
            found.add(Check.WILAYAH);
        }
        Optional<LocalDate> deactivated = deactivated(request);
        if (deactivated.isPresent() && deactivated.get().plusMonths(windowMonths).isBefore(received)) {
            found.add(Check.BATAS_WAKTU);
        }
        if (request.getDokumen().stream().noneMatch(d -> FASKES.equalsIgnoreCase(d.jenis()))) {
            found.add(Check.SURAT_FASKES);
        }
        if (requireSktm && request.getDokumen().stream().noneMatch(d -> SKTM.equalsIgnoreCase(d.jenis()))) {
            found.add(Check.SKTM);
        }
        if (!text(request, URGENT).isEmpty()) {
            found.add(Check.MENDESAK);
        }
        return found;
    }

    /**
     * Whether the request's SKTM is a letter the village's app issued (its PDF carries the signed QR
     * text) that does not hold: not signed by the key that signed the bundle, made for another NIK, or
     * expired when received. A scanned paper SKTM has no QR to check: false.
     *
     * @param sktmPdf the SKTM's bytes as the bundle carried them, when it had one
     * @param villageSigningKey the signing key of the bundle's village ({@code PublicKeys.signingKeyText})
     */
    public static boolean sktmDoesNotHold(Paket.Usulan request, Optional<byte[]> sktmPdf, String villageSigningKey,
            LocalDate received) {
        Optional<LetterQr> qr = sktmPdf.flatMap(LetterPdf::qrText).flatMap(LetterQr::parse);
        if (qr.isEmpty()) {
            return false;
        }
        LetterQr q = qr.get();
        return !q.signatureHolds() || !q.key().equals(villageSigningKey) || !q.names(text(request, NIK))
                || q.validUntil() != null && received.isAfter(q.validUntil());
    }

    /** The path in the bag of the request's SKTM, when it came with one. */
    static Optional<String> sktmPath(Paket.Usulan request) {
        return request.getDokumen().stream().filter(d -> SKTM.equalsIgnoreCase(d.jenis()) && d.berkas() != null)
                .map(Paket.Dokumen::berkas).findFirst();
    }

    static Optional<LocalDate> deactivated(Paket.Usulan request) {
        return DateText.parse(text(request, DEACTIVATED));
    }

    static String text(Paket.Usulan request, String column) {
        String v = request.kolom().get(column);
        return v == null ? "" : v.strip();
    }
}
