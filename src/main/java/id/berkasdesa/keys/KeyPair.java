package id.berkasdesa.keys;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.HybridDecrypt;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.hybrid.PredefinedHybridParameters;
import com.google.crypto.tink.signature.PredefinedSignatureParameters;
import java.security.GeneralSecurityException;

/**
 * A party's private keys (the Dinas Sosial's, or a village's): one to decrypt what was encrypted to
 * it (HPKE, X25519 + HKDF-SHA256 + AES-GCM) and one to sign (Ed25519), both Tink keysets. Kept on
 * disk only sealed ({@link #seal}); the public half is {@link PublicKeys}.
 */
public final class KeyPair {

    static {
        TinkConfig.ready();
    }

    private final KeysetHandle decrypt;
    private final KeysetHandle sign;
    private final PublicKeys publicKeys;

    private KeyPair(KeysetHandle decrypt, KeysetHandle sign, String kind, String code, String name) {
        this.decrypt = decrypt;
        this.sign = sign;
        try {
            this.publicKeys = new PublicKeys(kind, code, name,
                    TinkProtoKeysetFormat.serializeKeysetWithoutSecret(decrypt.getPublicKeysetHandle()),
                    TinkProtoKeysetFormat.serializeKeysetWithoutSecret(sign.getPublicKeysetHandle()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** New keys for {@code kind} ("dinas" or "desa") {@code code} (the area code) named {@code name}. */
    public static KeyPair generate(String kind, String code, String name) {
        try {
            return new KeyPair(KeysetHandle.generateNew(PredefinedHybridParameters.HPKE_X25519_HKDF_SHA256_AES_128_GCM),
                    KeysetHandle.generateNew(PredefinedSignatureParameters.ED25519WithRawOutput), kind, code, name);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public PublicKeys publicKeys() {
        return publicKeys;
    }

    public byte[] decrypt(byte[] ciphertext, byte[] context) throws GeneralSecurityException {
        return decrypt.getPrimitive(RegistryConfiguration.get(), HybridDecrypt.class).decrypt(ciphertext, context);
    }

    public byte[] sign(byte[] data) {
        try {
            return sign.getPrimitive(RegistryConfiguration.get(), PublicKeySign.class).sign(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Both private keysets sealed under {@code aead}, bound to {@code context}. */
    public Sealed seal(Aead aead, byte[] context) {
        try {
            return new Sealed(TinkProtoKeysetFormat.serializeEncryptedKeyset(decrypt, aead, context),
                    TinkProtoKeysetFormat.serializeEncryptedKeyset(sign, aead, context));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @throws GeneralSecurityException when {@code aead} is not the one that sealed them (a wrong passphrase) */
    public static KeyPair unseal(Sealed sealed, Aead aead, byte[] context, String kind, String code, String name)
            throws GeneralSecurityException {
        return new KeyPair(TinkProtoKeysetFormat.parseEncryptedKeyset(sealed.decrypt(), aead, context),
                TinkProtoKeysetFormat.parseEncryptedKeyset(sealed.sign(), aead, context), kind, code, name);
    }

    /** The sealed keysets, as a key file keeps them. */
    public record Sealed(byte[] decrypt, byte[] sign) {
    }
}
