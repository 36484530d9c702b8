package id.berkasdesa.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.subtle.Hkdf;
import id.berkasdesa.common.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * A private key file ({@code <kode>.kunci-rahasia}): the Dinas Sosial's keys sealed (AES-GCM, by
 * Tink) under a key derived with Argon2id from a passphrase. Without the passphrase the file is of
 * no use; with a wrong one it says so and nothing else.
 */
public final class SecretKeyFile {

    static final String SCHEMA = "berkas-desa/kunci-rahasia";
    static final int VERSION = 1;
    /** Stronger than a sign-in's: the file travels, and is opened rarely. 64 MiB, 3 passes. */
    private static final int MEMORY_KIB = 64 * 1024;
    private static final int ITERATIONS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretKeyFile() {
    }

    public static void write(Path file, KeyPair keys, char[] passphrase) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Phc setting = new Phc(MEMORY_KIB, ITERATIONS, 1, salt, new byte[0]);
        byte[] kek = kek(setting, passphrase);
        try {
            PublicKeys pub = keys.publicKeys();
            KeyPair.Sealed sealed = keys.seal(new AesGcmJce(kek), context(pub.kind(), pub.code()));
            ObjectNode o = JSON.createObjectNode();
            o.put("schema", SCHEMA);
            o.put("version", VERSION);
            o.put("kind", pub.kind());
            o.put("kode", pub.code());
            o.put("nama", pub.name());
            o.put("sidikJari", pub.fingerprint());
            o.put("kdf", setting.setting());
            o.put("dekripsi", Base64.getEncoder().encodeToString(sealed.decrypt()));
            o.put("tandaTangan", Base64.getEncoder().encodeToString(sealed.sign()));
            byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(o);
            AtomicFile.writePrivate(file, out -> out.write(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new KeyException("keys.error.write", e, file.toString());
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    /**
     * @throws KeyException "keys.error.secretFile" (not such a file), "keys.error.passphrase" (wrong passphrase)
     */
    public static KeyPair read(Path file, char[] passphrase) {
        JsonNode o;
        try {
            o = JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new KeyException("keys.error.secretFile", e, file.toString());
        }
        if (o == null || !SCHEMA.equals(o.path("schema").asText()) || o.path("version").asInt() != VERSION) {
            throw new KeyException("keys.error.secretFile", null, file.toString());
        }
        Phc setting = Phc.parse(o.path("kdf").asText()).orElseThrow(
                () -> new KeyException("keys.error.secretFile", null, file.toString()));
        byte[] kek = kek(setting, passphrase);
        try {
            String kind = o.path("kind").asText();
            String code = o.path("kode").asText();
            String name = o.path("nama").asText();
            KeyPair.Sealed sealed = new KeyPair.Sealed(Base64.getDecoder().decode(o.path("dekripsi").asText()),
                    Base64.getDecoder().decode(o.path("tandaTangan").asText()));
            return KeyPair.unseal(sealed, new AesGcmJce(kek), context(kind, code), kind, code, name);
        } catch (GeneralSecurityException e) {
            throw new KeyException("keys.error.passphrase", e, file.toString());
        } catch (IllegalArgumentException e) {
            throw new KeyException("keys.error.secretFile", e, file.toString());
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    private static byte[] context(String kind, String code) {
        return (SCHEMA + "|" + kind + "|" + code).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] kek(Phc setting, char[] passphrase) {
        byte[] raw = setting.derive(passphrase);
        try {
            return Hkdf.computeHkdf("HMACSHA256", raw, new byte[0],
                    "berkas-desa kunci-rahasia v1".getBytes(StandardCharsets.UTF_8), 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }
}
