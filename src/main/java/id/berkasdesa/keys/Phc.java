package id.berkasdesa.keys;

import java.util.Base64;
import java.util.Optional;

/**
 * An Argon2id hash in the PHC string form that keeps the parameters with it:
 * {@code $argon2id$v=19$m=47104,t=2,p=1$salt$hash}. {@link #setting()} is the same without the hash:
 * what the key file keeps beside a wrapped key, so a sign-in can derive the key again.
 */
public record Phc(int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {

    public static Optional<Phc> parse(String encoded) {
        try {
            String[] parts = encoded.split("\\$", -1);
            // "", "argon2id", "v=19", "m=..,t=..,p=..", salt[, hash]
            if ((parts.length != 5 && parts.length != 6) || !parts[0].isEmpty() || !parts[1].equals("argon2id")
                    || !parts[2].equals("v=19")) {
                return Optional.empty();
            }
            int m = 0;
            int t = 0;
            int p = 0;
            for (String kv : parts[3].split(",")) {
                int v = Integer.parseInt(kv.substring(2));
                switch (kv.substring(0, 2)) {
                    case "m=" -> m = v;
                    case "t=" -> t = v;
                    case "p=" -> p = v;
                    default -> {
                        return Optional.empty();
                    }
                }
            }
            if (m < 8 || m > 1024 * 1024 || t < 1 || t > 100 || p < 1 || p > 16) {
                return Optional.empty();
            }
            Base64.Decoder b64 = Base64.getDecoder();
            byte[] salt = b64.decode(parts[4]);
            byte[] hash = parts.length == 6 ? b64.decode(parts[5]) : new byte[0];
            if (salt.length < 8) {
                return Optional.empty();
            }
            return Optional.of(new Phc(m, t, p, salt, hash));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The parameters and salt, without the hash. */
    public String setting() {
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$"
                + Base64.getEncoder().withoutPadding().encodeToString(salt);
    }

    public String encode() {
        return setting() + "$" + Base64.getEncoder().withoutPadding().encodeToString(hash);
    }

    /** Argon2id of {@code password} with this record's parameters and salt. */
    public byte[] derive(char[] password) {
        return Argon2id.derive(password, salt, memoryKib, iterations, parallelism);
    }
}
