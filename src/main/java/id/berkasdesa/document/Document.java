package id.berkasdesa.document;

import id.berkasdesa.files.FileType;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A document as stored: what it is, whom it belongs to ({@code memberId} null for the household),
 * and its upload-ready copy.
 *
 * @param rotation the operator's rotation, clockwise degrees
 * @param originalSize the attached files together, in bytes
 * @param overLimit the copy could not be brought under the size limit without losing legibility
 */
public record Document(UUID id, UUID householdId, UUID memberId, DocumentKind kind, String label, LocalDate tanggal,
        String faskes, Diagnosis diagnosis, int rotation, String copySha256, FileType copyType, long copySize,
        int copyPages, boolean overLimit, long originalSize, int sourceCount, String attachedBy) {

    /** A document whose attacher is not known (attached before accounts). */
    public Document(UUID id, UUID householdId, UUID memberId, DocumentKind kind, String label, LocalDate tanggal,
            String faskes, Diagnosis diagnosis, int rotation, String copySha256, FileType copyType, long copySize,
            int copyPages, boolean overLimit, long originalSize, int sourceCount) {
        this(id, householdId, memberId, kind, label, tanggal, faskes, diagnosis, rotation, copySha256, copyType, copySize,
                copyPages, overLimit, originalSize, sourceCount, null);
    }

    public boolean forHousehold() {
        return memberId == null;
    }

    /** The last day the letter counts, or null for kinds that do not expire. */
    public LocalDate validUntil(int expiryMonths) {
        return kind.expires() ? tanggal.plusMonths(expiryMonths) : null;
    }

    public boolean expired(LocalDate today, int expiryMonths) {
        LocalDate until = validUntil(expiryMonths);
        return until != null && today.isAfter(until);
    }

    /** Whether it counts for {@code member}: the member's own, or the household's. */
    public boolean appliesTo(UUID member) {
        return memberId == null || memberId.equals(member);
    }
}
