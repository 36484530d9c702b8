package id.berkasdesa.keys;

import com.google.crypto.tink.hybrid.HybridConfig;
import com.google.crypto.tink.signature.SignatureConfig;
import java.security.GeneralSecurityException;

/**
 * Tink's key managers, registered once for every class of this package that asks Tink's registry
 * for a primitive. Each such class calls {@link #ready()} from its static initialiser, so no path
 * depends on which class happened to be loaded first: keyless {@code verify} once found every good
 * bundle "damaged" because only {@link KeyPair} registered them.
 */
final class TinkConfig {

    private TinkConfig() {
    }

    static {
        try {
            HybridConfig.register();
            SignatureConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Loads this class, and so registers the configs; does nothing more. */
    static void ready() {
        // the static initialiser has run by the time this returns
    }
}
