package id.berkasdesa.account;

import java.util.Map;

/**
 * Where the store's key is wrapped for every account's password (the key file; see
 * {@code keys.KeyRing}). The account service tells it of every new password hash before the change is
 * committed, and the whole set after: so a crash between the two leaves a key that still opens with
 * the password the store has, or with the one just chosen.
 */
public interface KeyWraps {

    /** Adds a wrap for {@code name}'s new password hash (the others stay until {@link #keepOnly}). */
    void wrap(String name, String phc);

    /** The wraps become exactly those of {@code active} (name → password hash) and the recovery code's hash. */
    void keepOnly(Map<String, String> active, String recoveryPhc);

    /** For a plain store (tests of the database alone): nothing is wrapped. */
    KeyWraps NONE = new KeyWraps() {
        @Override
        public void wrap(String name, String phc) {
        }

        @Override
        public void keepOnly(Map<String, String> active, String recoveryPhc) {
        }
    };
}
