package id.berkasdesa.audit;

import id.berkasdesa.db.Journal;
import id.berkasdesa.db.UnitOfWork;
import java.time.Clock;
import org.jdbi.v3.core.Handle;

/** Appends each unit of work's entry to the chain, inside the work's own transaction. */
public final class AuditJournal implements Journal {

    private final Clock clock;

    public AuditJournal(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void append(Handle handle, UnitOfWork work) {
        AuditEntry head = AuditDao.head(handle).orElse(null);
        String operator = work.session().operator();
        AuditDao.insert(handle, AuditChain.next(head, work.happenedAt().orElseGet(clock::instant), operator.isEmpty() ? "-" : operator,
                work.action(), work.entity(), work.entityId(), work.fields()));
    }
}
