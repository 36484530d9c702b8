package id.berkasdesa.account;

import static org.assertj.core.api.Assertions.assertThat;

import id.berkasdesa.keys.Phc;
import org.junit.jupiter.api.Test;

/**
 * The sign-in's Argon2id, derived beside the key file's own before the store is open: it answers the
 * next check of the very same password against a hash of the same salt and cost, and nothing else.
 */
class PasswordsAheadTest {

    private final Passwords passwords = new Passwords(Passwords.Cost.TEST);
    private final String hash = passwords.hash("kopi tubruk pagi hari".toCharArray());
    private final String setting = Phc.parse(hash).orElseThrow().setting();

    @Test
    void theRightPasswordDerivedAheadSignsInAndAWrongOneDerivedAheadChangesNothing() {
        Passwords.deriveAhead("kopi tubruk pagi hari".toCharArray(), setting);
        assertThat(passwords.verify("kopi tubruk pagi hari".toCharArray(), hash)).isTrue();

        // derived ahead for the right password, then another is typed: the other is checked for itself
        Passwords.deriveAhead("kopi tubruk pagi hari".toCharArray(), setting);
        assertThat(passwords.verify("teh manis sore hari".toCharArray(), hash)).isFalse();
        // and it was used once only: the right password is checked for itself again
        assertThat(passwords.verify("kopi tubruk pagi hari".toCharArray(), hash)).isTrue();

        Passwords.deriveAhead("teh manis sore hari".toCharArray(), setting);
        assertThat(passwords.verify("kopi tubruk pagi hari".toCharArray(), hash)).isTrue();
    }

    @Test
    void anOutputDerivedForAnotherSaltIsNeverTaken() {
        String other = passwords.hash("kopi tubruk pagi hari".toCharArray()); // the same password, a new salt
        Passwords.deriveAhead("kopi tubruk pagi hari".toCharArray(), Phc.parse(other).orElseThrow().setting());
        assertThat(passwords.verify("kopi tubruk pagi hari".toCharArray(), hash)).isTrue();
        Passwords.deriveAhead("kopi tubruk pagi hari".toCharArray(), Phc.parse(other).orElseThrow().setting());
        assertThat(passwords.verify("salah sekali kata sandi".toCharArray(), hash)).isFalse();
    }
}
