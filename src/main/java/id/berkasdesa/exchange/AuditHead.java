package id.berkasdesa.exchange;

import id.berkasdesa.audit.AuditChain;
import id.berkasdesa.audit.AuditEntry;
import java.util.Optional;

/** The audit trail's head as a bundle carries it: {@code Audit-Head: <seq> <hex>} in bag-info.txt. */
public record AuditHead(long seq, String hash) {

    public static AuditHead of(Optional<AuditEntry> head) {
        return head.map(e -> new AuditHead(e.seq(), e.hash())).orElse(new AuditHead(0, AuditChain.GENESIS));
    }

    public String bagInfo() {
        return seq + " " + hash;
    }
}
