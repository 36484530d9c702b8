package id.berkasdesa.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NotBlank;
import net.jqwik.api.constraints.NotEmpty;

/**
 * The server's login kept on a PC: whatever characters an IT officer put in the user or the password
 * (spaces, '=', '#', '\\', non-Latin letters) come back as they were; a file that does not hold one is
 * no login (the window asks again), and the environment's login comes first.
 */
class ServerLoginTest {

    @Property(tries = 200)
    void aKeptLoginComesBackAsItWasTyped(@ForAll @NotBlank String user, @ForAll @NotEmpty String password) throws Exception {
        Path work = Files.createTempDirectory("server-login");
        try {
            new ServerLogin(user, password).save(work);
            assertThat(ServerLogin.saved(work)).contains(new ServerLogin(user, password));
            assertThat(ServerLogin.of(null, null, work)).contains(new ServerLogin(user, password));
            assertThat(ServerLogin.of("it", "dari-lingkungan", work)).contains(new ServerLogin("it", "dari-lingkungan"));
            ServerLogin.forget(work);
            assertThat(ServerLogin.saved(work)).isEmpty();
        } finally {
            id.berkasdesa.common.Folders.delete(work);
        }
    }

    @Property(tries = 100)
    void aFileThatHoldsNoLoginIsNone(@ForAll byte[] content) throws Exception {
        Path work = Files.createTempDirectory("server-login");
        try {
            Files.write(work.resolve(ServerLogin.FILE), content);
            // read or not, never a blank user or an empty password, never an exception
            ServerLogin.saved(work).ifPresent(l -> assertThat(l.user()).isNotBlank());
            Files.writeString(work.resolve(ServerLogin.FILE), "user=\npassword=x\n");
            assertThat(ServerLogin.saved(work)).isEmpty();
            assertThat(ServerLogin.saved(work.resolve("tidak-ada"))).isEmpty();
        } finally {
            id.berkasdesa.common.Folders.delete(work);
        }
    }
}
