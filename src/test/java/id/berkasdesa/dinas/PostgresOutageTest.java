package id.berkasdesa.dinas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.berkasdesa.audit.AuditService;
import id.berkasdesa.common.BuildInfo;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.Role;
import id.berkasdesa.common.Session;
import id.berkasdesa.db.Database;
import id.berkasdesa.db.StoreException;
import id.berkasdesa.exchange.Progress;
import id.berkasdesa.wilayah.Wilayah;
import id.berkasdesa.wiring.Wiring;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A district office on PostgreSQL whose server stops while a Verifikator decides: the decision in
 * flight is whole or absent, the officer is told in plain words, nothing else is touched, and once the
 * server is back the same open store goes on (the trail intact).
 */
class PostgresOutageTest {

    private static final Session VERA = new Session("Vera", Role.VERIFIKATOR);

    @TempDir
    Path dir;

    @Test
    void theServerStoppedUnderDecisionsLeavesEachWholeOrAbsentAndWorkGoesOnWhenItIsBack() throws Exception {
        VillageBundles.make();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path data = dir.resolve("pg");
        EmbeddedPostgres pg = start(data, port);
        DataSource source = pg.getPostgresDatabase();
        Database db = Database.onPostgres(source, dir.resolve("pc"));
        ExecutorService officer = Executors.newSingleThreadExecutor();
        try (Wiring w = Wiring.of(db, Wilayah.load(), Clock.systemDefaultZone(), BuildInfo.current().version())) {
            w.dinas().setUp("32.01", "Dinas Sosial Kabupaten Bogor");
            w.officeKeys(VillageBundles.DISTRICT);
            db.actAs(VERA);
            for (Path bundle : List.of(VillageBundles.pondokFirst, VillageBundles.karadenan, VillageBundles.harapanjaya)) {
                w.dinas().receive(bundle, Progress.none());
            }
            List<String> ids = w.dinas().requests(null, null, null).stream().map(DinasService.ReceivedRequest::id).toList();
            DecisionService decisions = w.decisions();

            // decide and withdraw, one unit of work after another, until the server goes
            Future<Throwable> work = officer.submit(() -> {
                try {
                    for (int round = 0; ; round++) {
                        for (String id : ids) {
                            decisions.decide(List.of(id), DecisionService.Decision.DISETUJUI, "lengkap", "putaran " + round);
                            decisions.withdraw(id);
                        }
                    }
                } catch (Throwable t) {
                    return t;
                }
            });
            Thread.sleep(1500);
            pg.close(); // pg_ctl stop -m fast: the connection in use is cut, its transaction never committed
            Throwable stopped = work.get(60, TimeUnit.SECONDS);
            assertThat(stopped).isInstanceOf(StoreException.class);
            assertThat(((StoreException) stopped).key()).isEqualTo("store.error.unreachable");
            assertThat(((StoreException) stopped).message(Messages.indonesian())).contains("tidak tersimpan");
            assertThatThrownBy(() -> decisions.state(ids.get(0))).isInstanceOf(StoreException.class); // reads say so too

            pg = start(data, port);
            // every request whole: undecided, or decided with every part of its decision
            for (String id : ids) {
                DecisionService.State s = decisions.state(id);
                if (s.decision() == null) {
                    assertThat(s.status()).isEqualTo(DinasService.RECEIVED);
                    assertThat(s.decidedBy()).isNull();
                } else {
                    assertThat(s.status()).isEqualTo(DecisionService.DECIDED);
                    assertThat(s.decidedBy()).isEqualTo("Vera");
                    assertThat(s.note()).startsWith("putaran ");
                    decisions.withdraw(id);
                }
            }
            assertThat(AuditService.verifyStore(db, Optional.empty()).intact()).isTrue();
            // and the work goes on, on the same open store
            assertThat(decisions.decide(ids, DecisionService.Decision.DISETUJUI, "lengkap", null)).isEqualTo(ids.size());
            assertThat(AuditService.verifyStore(db, Optional.empty()).intact()).isTrue();
        } finally {
            officer.shutdownNow();
            pg.close();
        }
    }

    private static EmbeddedPostgres start(Path data, int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }
}
