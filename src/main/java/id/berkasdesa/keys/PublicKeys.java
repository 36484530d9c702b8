package id.berkasdesa.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.crypto.tink.HybridEncrypt;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * A party's public keys: to encrypt to it and to check its signatures, with who it is (kind
 * "dinas"/"desa", the area code, the office's name) and the fingerprint to compare by letter or
 * phone. As a file ({@code <kode>.kunci-publik}) it is JSON.
 */
public record PublicKeys(String kind, String code, String name, byte[] encryption, byte[] signature) {

    static final String SCHEMA = "berkas-desa/kunci-publik";
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        TinkConfig.ready();
    }

    public String fingerprint() {
        return Fingerprint.of(kind.getBytes(StandardCharsets.UTF_8), code.getBytes(StandardCharsets.UTF_8), encryption,
                signature);
    }

    /** Encrypts a small secret (a content key) to this party. */
    public byte[] encrypt(byte[] secret, byte[] context) {
        try {
            KeysetHandle h = TinkProtoKeysetFormat.parseKeysetWithoutSecret(encryption);
            return h.getPrimitive(RegistryConfiguration.get(), HybridEncrypt.class).encrypt(secret, context);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code sig} is this party's signature of {@code data}. */
    public boolean verifies(byte[] sig, byte[] data) {
        try {
            KeysetHandle h = TinkProtoKeysetFormat.parseKeysetWithoutSecret(signature);
            h.getPrimitive(RegistryConfiguration.get(), PublicKeyVerify.class).verify(sig, data);
            return true;
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The signing key itself, base64 (its 32 raw Ed25519 bytes; the keys' signatures are raw): short
     * enough for a QR code, and checked with {@link SigningKey#verifies}.
     */
    public String signingKeyText() {
        try {
            KeysetHandle h = TinkProtoKeysetFormat.parseKeysetWithoutSecret(signature);
            com.google.crypto.tink.signature.Ed25519PublicKey k =
                    (com.google.crypto.tink.signature.Ed25519PublicKey) h.getPrimary().getKey();
            return java.util.Base64.getEncoder().encodeToString(k.getPublicKeyBytes().toByteArray());
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException(e);
        }
    }

    public ObjectNode toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("schema", SCHEMA);
        o.put("version", VERSION);
        o.put("kind", kind);
        o.put("kode", code);
        o.put("nama", name);
        o.put("enkripsi", Base64.getEncoder().encodeToString(encryption));
        o.put("tandaTangan", Base64.getEncoder().encodeToString(signature));
        o.put("sidikJari", fingerprint());
        return o;
    }

    public byte[] toBytes() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(toJson());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @throws KeyException "keys.error.publicFile" when it is not a public key file this app can read */
    public static PublicKeys parse(byte[] json) {
        try {
            return fromJson(JSON.readTree(json));
        } catch (IOException e) {
            throw new KeyException("keys.error.publicFile", e);
        }
    }

    public static PublicKeys fromJson(JsonNode o) {
        try {
            if (o == null || !SCHEMA.equals(o.path("schema").asText()) || o.path("version").asInt() != VERSION) {
                throw new KeyException("keys.error.publicFile", null);
            }
            PublicKeys k = new PublicKeys(o.path("kind").asText(), o.path("kode").asText(), o.path("nama").asText(),
                    Base64.getDecoder().decode(o.path("enkripsi").asText()),
                    Base64.getDecoder().decode(o.path("tandaTangan").asText()));
            // the keysets must parse, and the fingerprint written in the file must be theirs
            TinkProtoKeysetFormat.parseKeysetWithoutSecret(k.encryption());
            TinkProtoKeysetFormat.parseKeysetWithoutSecret(k.signature());
            if (!k.fingerprint().equals(o.path("sidikJari").asText()) || k.code().isBlank()) {
                throw new KeyException("keys.error.publicFile", null);
            }
            return k;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new KeyException("keys.error.publicFile", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublicKeys p && p.kind.equals(kind) && p.code.equals(code)
                && java.util.Arrays.equals(p.encryption, encryption) && java.util.Arrays.equals(p.signature, signature);
    }

    @Override
    public int hashCode() {
        return fingerprint().hashCode();
    }
}
