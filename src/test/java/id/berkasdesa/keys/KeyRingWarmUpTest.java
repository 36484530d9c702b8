package id.berkasdesa.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sign-in's warm-up runs the unlock on a throwaway key file while the password is typed: it must
 * open like a real one, and must never reach an office's server, whose key ring every PC signs in with.
 */
class KeyRingWarmUpTest {

    @TempDir
    Path throwaway;
    @TempDir
    Path real;

    @AfterEach
    void noServer() {
        KeyRing.mirror(null);
    }

    @Test
    void theThrowawayKeyFileOpensWithItsPasswordAndIsNeverWrittenToTheServer() {
        List<Path> onServer = new ArrayList<>();
        KeyRing.mirror((file, json) -> onServer.add(file));

        StoreKey key = KeyRing.warmUp(throwaway);

        assertThat(key.fileKey()).hasSize(64);
        assertThat(KeyRing.state(throwaway)).isEqualTo(KeyRing.State.CLAIMED); // a wrap and a seal, no key in clear
        assertThat(KeyRing.sealHashes(throwaway, "pemanasan")).hasSize(1);
        assertThat(onServer).isEmpty();

        // a real key file saved at the same time still goes to the server
        KeyRing.generate(real).save();
        assertThat(onServer).containsExactly(KeyRing.file(real));
    }
}
