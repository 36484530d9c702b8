package id.berkasdesa.keys;

/**
 * The texts the certifying key and each person's key sign (decision 0014), each under a label of its
 * own so that no signature of one kind passes for another. Fields are length-prefixed, as in the
 * trail's canonical form.
 */
public final class TrustLines {

    private TrustLines() {
    }

    /** An account as the Administrator left it: who, role, whether active, and their signing key. */
    public static String account(String id, String name, String nameKey, String role, boolean active, String signKey) {
        return join("berkas-desa akun v1", id, name, nameKey, role, Boolean.toString(active), signKey == null ? "-" : signKey);
    }

    /** A signing key given to an account, signing its entries from {@code sinceSeq} on. */
    public static String key(String keyId, String accountId, String publicKey, long sinceSeq) {
        return join("berkas-desa kunci-akun v1", keyId, accountId, publicKey, Long.toString(sinceSeq));
    }

    /** The certifying key and the first trail entry that must be signed. */
    public static String root(String publicKey, long signedFrom) {
        return join("berkas-desa akar v1", publicKey, Long.toString(signedFrom));
    }

    /** A trail entry, by its hash (which covers every field and the entry before). */
    public static String entry(String hash) {
        return join("berkas-desa jejak v1", hash);
    }

    private static String join(String... parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            b.append(p.length()).append(':').append(p).append('|');
        }
        return b.toString();
    }
}
