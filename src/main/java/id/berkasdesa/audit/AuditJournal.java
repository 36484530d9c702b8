package id.berkasdesa.audit;

import id.berkasdesa.db.Journal;
import id.berkasdesa.db.UnitOfWork;
import java.time.Clock;
import org.jdbi.v3.core.Handle;

/** Appends each unit of work's entry to the chain, inside the work's own transaction. */
public final class AuditJournal implements Journal {

    private final Clock clock;
    /** The key of the person acting (set at sign-in); null: entries are written unsigned. */
    private volatile id.berkasdesa.keys.SigningKey signer;

    public AuditJournal(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void append(Handle handle, UnitOfWork work) {
        AuditEntry head = AuditDao.head(handle).orElse(null);
        String operator = work.session().operator();
        AuditEntry e = AuditChain.next(head, work.happenedAt().orElseGet(clock::instant), operator.isEmpty() ? "-" : operator,
                work.action(), work.entity(), work.entityId(), work.fields());
        id.berkasdesa.keys.SigningKey k = signer;
        AuditDao.insert(handle, e, k == null ? null : k.id(),
                k == null ? null : k.sign(id.berkasdesa.keys.TrustLines.entry(e.hash())));
    }

    /** Whose key signs the entries from now on (null: nobody's). */
    public void signWith(id.berkasdesa.keys.SigningKey key) {
        this.signer = key;
    }
}
