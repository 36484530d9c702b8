package id.berkasdesa.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The parsers of what arrives from outside — a PHC setting in the key file, a public key file from a
 * stick — take anything and either understand it or say so, never something in between; the
 * fingerprint is always readable over the phone.
 */
class KeysPropertiesTest {

    @Property
    void aPhcStringRoundTripsWithItsParametersAndSalt(@ForAll @IntRange(min = 8, max = 1 << 20) int memory,
            @ForAll @IntRange(min = 1, max = 100) int iterations, @ForAll @IntRange(min = 1, max = 16) int lanes,
            @ForAll @Size(min = 8, max = 64) byte[] salt, @ForAll @Size(max = 64) byte[] hash) {
        Phc p = new Phc(memory, iterations, lanes, salt, hash);
        Phc back = Phc.parse(p.encode()).orElseThrow();
        assertThat(back.memoryKib()).isEqualTo(memory);
        assertThat(back.iterations()).isEqualTo(iterations);
        assertThat(back.parallelism()).isEqualTo(lanes);
        assertThat(back.salt()).isEqualTo(salt);
        assertThat(back.hash()).isEqualTo(hash);
        assertThat(Phc.parse(p.setting()).orElseThrow().salt()).isEqualTo(salt);
    }

    @Property
    void anyTextIsAPhcStringOrNoneAndNeverAnError(@ForAll String text) {
        assertThat(Phc.parse(text)).isNotNull();
        assertThat(Phc.parse("$argon2id$v=19$" + text)).isNotNull();
    }

    @Property
    void anyBytesAreAPublicKeyFileOrRefusedWithItsMessage(@ForAll @Size(max = 2000) byte[] bytes) {
        assertThatThrownBy(() -> PublicKeys.parse(bytes)).isInstanceOfSatisfying(KeyException.class,
                e -> assertThat(e.key()).isEqualTo("keys.error.publicFile"));
    }

    @Property(tries = 200)
    void everyFingerprintIsFourGroupsOfFourCrockfordCharacters(@ForAll byte[] a, @ForAll byte[] b) {
        assertThat(Fingerprint.of(a, b)).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}");
    }

    @Property(tries = 20)
    void aPublicKeyFileRoundTripsAndAnyChangedByteIsRefusedOrChangesNothing(@ForAll @IntRange(min = 0, max = 100_000) int at) {
        PublicKeys keys = KeyPair.generate("dinas", "32.01", "Dinas Sosial Kabupaten Bogor").publicKeys();
        byte[] file = keys.toBytes();
        assertThat(PublicKeys.parse(file)).isEqualTo(keys);
        byte[] changed = file.clone();
        changed[at % changed.length] ^= 0x04;
        try {
            PublicKeys read = PublicKeys.parse(changed);
            // a change in JSON whitespace or the office name is harmless: the keys themselves are the same
            assertThat(read.fingerprint()).isEqualTo(keys.fingerprint());
        } catch (KeyException e) {
            assertThat(e.key()).isEqualTo("keys.error.publicFile");
        }
    }
}
