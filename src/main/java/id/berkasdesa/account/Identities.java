package id.berkasdesa.account;

import id.berkasdesa.keys.Identity;
import java.util.Optional;

/**
 * Where each person's {@link Identity} is sealed under their password (the key file; see
 * {@code keys.KeyRing}): opened at sign-in, sealed whenever the app knows a new password.
 */
public interface Identities {

    /** Whether identities can be sealed at all (a store with a key file). */
    default boolean sealing() {
        return true;
    }

    /** Whether {@code name} has a sealed identity. */
    boolean has(String name);

    /** {@code name}'s identity, when {@code password} opens it (slow: Argon2id). */
    Optional<Identity> open(String name, char[] password);

    /** Seals {@code identity} for {@code name} under {@code password}, with the cost of {@code phcForCost}. */
    void seal(String name, char[] password, String phcForCost, Identity identity);

    /** The recovery code's identity (the certifying key), when the code (normalized) opens it. */
    Optional<Identity> openRecovery(String normalizedCode);

    void sealRecovery(String normalizedCode, String phcForCost, Identity identity);

    /** Seals {@code identity} again for {@code name} with the key opened earlier (a new checkpoint). */
    void reseal(String name, Identity identity);

    /** For a plain store (tests of the database alone): nobody has an identity, nothing is signed. */
    Identities NONE = new Identities() {
        @Override
        public boolean sealing() {
            return false;
        }

        @Override
        public boolean has(String name) {
            return false;
        }

        @Override
        public Optional<Identity> open(String name, char[] password) {
            return Optional.empty();
        }

        @Override
        public void seal(String name, char[] password, String phcForCost, Identity identity) {
        }

        @Override
        public Optional<Identity> openRecovery(String normalizedCode) {
            return Optional.empty();
        }

        @Override
        public void sealRecovery(String normalizedCode, String phcForCost, Identity identity) {
        }

        @Override
        public void reseal(String name, Identity identity) {
        }
    };
}
