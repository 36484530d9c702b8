package id.berkasdesa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.berkasdesa.db.Postgres;
import id.berkasdesa.dinas.VillageBundles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Dinas Sosial office on a PostgreSQL server, as its PCs run the command line, every command a
 * fresh process: one PC makes the office's store on the server and takes a stick; another PC, with
 * nothing of its own, signs in with the same account and sees the same requests and scans; an
 * account added on the second PC signs in on the first. Nothing of the store lies in a PC's folder.
 */
class OfficeServerCliTest {

    private static final String PASSWORD = "kuda lari pagi hujan 42";

    @TempDir
    Path dir;

    private Map<String, String> env(String user, String password) {
        Map<String, String> env = new HashMap<>();
        env.put("BERKAS_DESA_USER", user);
        env.put("BERKAS_DESA_PASSWORD", password);
        env.put("BERKAS_DESA_DB_USER", "postgres");
        env.put("BERKAS_DESA_DB_PASSWORD", "sandi-server");
        env.put("BERKAS_DESA_KEY_PASSWORD", "frasa sandi kunci kantor");
        return env;
    }

    @Test
    void twoPcsOfOneOfficeWorkOnTheSameStoreOnTheServer() throws Exception {
        String url = "postgresql://localhost:" + Postgres.port() + "/" + Postgres.freshDatabaseName();
        Path pc1 = dir.resolve("pc-1");
        Path pc2 = dir.resolve("pc-2");
        Map<String, String> kabid = env("Kabid", PASSWORD);
        Path secret = dir.resolve("32.01.kunci-rahasia");
        id.berkasdesa.keys.SecretKeyFile.write(secret, VillageBundles.DISTRICT, "frasa sandi kunci kantor".toCharArray());

        CliRun init = CliRun.child(kabid, "--data-dir", pc1.toString(), "--database", url, "dinas", "init", "--kabupaten", "32.01",
                "--office", "Dinas Sosial Kabupaten Bogor", "--admin", "Kabid", "--key", secret.toString());
        assertThat(init.exit()).as(init.out() + init.err()).isZero();
        CliRun inbox = CliRun.child(kabid, "--data-dir", pc1.toString(), "--database", url, "dinas", "inbox",
                VillageBundles.stick().toString());
        assertThat(inbox.exit()).as(inbox.out() + inbox.err()).isZero();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<JsonNode> lines = new java.util.ArrayList<>();
        for (String l : inbox.lines()) {
            lines.add(json.readTree(l));
        }
        assertThat(lines.get(lines.size() - 1).path("imported").asInt()).isEqualTo(4);

        // the second PC: nothing in its folder, the same account, the same requests
        CliRun seen = CliRun.child(kabid, "--data-dir", pc2.toString(), "--database", url, "dinas", "requests");
        assertThat(seen.exit()).as(seen.out() + seen.err()).isZero();
        assertThat(seen.lines()).hasSize(6);
        // a PC whose officer kept the server's login in the window (ServerSignInUiTest) needs no environment for it
        Map<String, String> noServerLogin = new HashMap<>(kabid);
        noServerLogin.remove("BERKAS_DESA_DB_USER");
        noServerLogin.remove("BERKAS_DESA_DB_PASSWORD");
        Path work2 = id.berkasdesa.db.Server.Address.parse(url).orElseThrow().workDir(pc2);
        new id.berkasdesa.db.ServerLogin("postgres", "sandi-server").save(work2);
        CliRun kept = CliRun.child(noServerLogin, "--data-dir", pc2.toString(), "--database", url, "dinas", "requests");
        assertThat(kept.exit()).as(kept.out() + kept.err()).isZero();
        assertThat(kept.lines()).hasSize(6);
        // … and one the server no longer takes is said so (the window would ask again)
        new id.berkasdesa.db.ServerLogin("bukan-pengguna", "sandi-server").save(work2);
        CliRun refused = CliRun.child(noServerLogin, "--data-dir", pc2.toString(), "--database", url, "dinas", "requests");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.json().path("error").asText()).isEqualTo("store.error.serverLoginRefused");
        assertThat(refused.json().path("message").asText()).contains("menolak", "petugas TI");
        id.berkasdesa.db.ServerLogin.forget(work2);
        CliRun added = CliRun.child(kabid, "--data-dir", pc2.toString(), "--database", url, "operator", "add", "--name", "Vera",
                "--role", "verifikator");
        assertThat(added.exit()).as(added.out() + added.err()).isZero();
        // … who signs in on the first PC (its copy of the key ring taken afresh from the server) and sets her password …
        Map<String, String> first = new HashMap<>(env("Vera", added.json().path("password").asText()));
        first.put("BERKAS_DESA_NEW_PASSWORD", "teh manis jalan pagi");
        CliRun changed = CliRun.child(first, "--data-dir", pc1.toString(), "--database", url, "operator", "password");
        assertThat(changed.exit()).as(changed.out() + changed.err()).isZero();
        // … which the second PC knows at once
        Map<String, String> vera = env("Vera", "teh manis jalan pagi");
        CliRun reasons = CliRun.child(vera, "--data-dir", pc2.toString(), "--database", url, "dinas", "reasons");
        assertThat(reasons.exit()).as(reasons.out() + reasons.err()).isZero();
        assertThat(reasons.lines()).hasSize(9);
        // a wrong password is refused on the server's store as on a file's
        CliRun wrong = CliRun.child(env("Vera", "salah sekali"), "--data-dir", pc2.toString(), "--database", url, "dinas", "reasons");
        assertThat(wrong.exit()).isEqualTo(3);

        // the trail is one chain across the PCs; a backup is the server's business (pg_dump), said so
        CliRun trail = CliRun.child(kabid, "--data-dir", pc2.toString(), "--database", url, "audit", "verify");
        assertThat(trail.exit()).as(trail.out() + trail.err()).isZero();
        CliRun check = CliRun.child(kabid, "--data-dir", pc2.toString(), "--database", url, "check");
        assertThat(check.exit()).as(check.out() + check.err()).isZero();
        assertThat(check.json().path("problems")).as("every row read back, every scan's bytes in the database and intact").isEmpty();
        // a scan's bytes cut short on the server are found
        try (java.sql.Connection c = Postgres.database(url.substring(url.lastIndexOf('/') + 1)).getConnection();
                java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE dinas_scan_bytes SET sealed = substring(sealed from 1 for 100) "
                    + "WHERE sha256 = (SELECT MIN(sha256) FROM dinas_scan_bytes)");
        }
        CliRun damaged = CliRun.child(kabid, "--data-dir", pc2.toString(), "--database", url, "check");
        assertThat(damaged.json().path("problems").toString()).contains("1 file dokumen rusak");
        CliRun backup = CliRun.child(kabid, "--data-dir", pc1.toString(), "--database", url, "backup", "--to", dir.toString());
        assertThat(backup.exit()).isNotZero();
        assertThat(backup.out() + backup.err()).contains("pg_dump");

        // nothing of the store in either PC's folder: no database file, no document file
        for (Path pc : List.of(pc1, pc2)) {
            try (Stream<Path> files = Files.walk(pc)) {
                assertThat(files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()))
                        .noneMatch(n -> n.endsWith(".mv.db") || n.matches("[0-9a-f]{64}"));
            }
        }
    }

    @Test
    void aServerThatCannotBeUsedIsSaidPlainlyAndNothingIsMade() {
        Map<String, String> kabid = env("Kabid", PASSWORD);
        CliRun badUrl = CliRun.child(kabid, "--data-dir", dir.toString(), "--database", "mysql://server/db", "dinas", "requests");
        assertThat(badUrl.exit()).isEqualTo(2);
        assertThat(badUrl.json().path("message").asText()).contains("postgresql://");
        Map<String, String> noLogin = new HashMap<>(kabid);
        noLogin.remove("BERKAS_DESA_DB_USER");
        CliRun login = CliRun.child(noLogin, "--data-dir", dir.toString(), "--database",
                "postgresql://localhost:" + Postgres.port() + "/postgres", "dinas", "requests");
        assertThat(login.exit()).isEqualTo(2);
        assertThat(login.json().path("message").asText()).contains("BERKAS_DESA_DB_USER");
        CliRun down = CliRun.child(kabid, "--data-dir", dir.toString(), "--database", "postgresql://localhost:1/kantor",
                "dinas", "requests");
        assertThat(down.exit()).isEqualTo(2);
        assertThat(down.json().path("message").asText()).contains("tidak bisa dipakai");
        assertThat(dir.toFile().list()).isEmpty();
    }
}
