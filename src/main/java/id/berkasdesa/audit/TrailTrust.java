package id.berkasdesa.audit;

import id.berkasdesa.common.Finding;
import id.berkasdesa.keys.Identity;
import id.berkasdesa.keys.SigningKey;
import id.berkasdesa.keys.TrustLines;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Whether the accounts and the trail are as the people who hold the keys left them (decision 0014):
 * every account's line certified by the store's certifying key, every signing key certified, every
 * trail entry from the anchor on signed by a certified key of the person it names, and the newest
 * entry the signed-in person saw before still there. The anchor is what the person's own password
 * opened (their {@link Identity}), never what the store says of itself; without one (a store not yet
 * signing) the store's own certifying key is used, which shows damage but not a forged whole.
 */
public final class TrailTrust {

    /** Entries anyone may leave without a signature: failed sign-ins give nobody any power. */
    private static final Set<String> UNSIGNED_ALLOWED = Set.of("signin.failed", "signin.locked");
    /** At most this many entries are named one by one; the rest are counted. */
    private static final int NAMED = 5;

    private TrailTrust() {
    }

    /** What was found changed outside the app; empty when everything holds (or the store does not sign yet). */
    public static List<Finding> check(Handle h, Optional<Identity> anchor) {
        List<Finding> problems = new ArrayList<>();
        Optional<Root> stored = h.createQuery("SELECT public_key, signed_from, signature FROM trust_root WHERE id = 1")
                .map((rs, ctx) -> new Root(rs.getString(1), rs.getLong(2), rs.getString(3))).findOne();
        if (stored.isEmpty()) {
            if (anchor.isPresent()) {
                problems.add(Finding.error("", "trust.rootMissing"));
            }
            return problems;
        }
        Root root = stored.get();
        String rootPublic = anchor.map(Identity::rootPublic).orElse(root.publicKey());
        if (!rootPublic.equals(root.publicKey())
                || !SigningKey.verifies(rootPublic, TrustLines.root(root.publicKey(), root.signedFrom()), root.signature())) {
            problems.add(Finding.error("", "trust.rootChanged"));
            return problems;
        }
        Map<String, String> nameOfAccount = new HashMap<>();
        h.createQuery("SELECT id, name, name_key, role, active, sign_key, cert FROM operator_account ORDER BY created_at, name_key")
                .map((rs, ctx) -> {
                    String id = rs.getObject(1, java.util.UUID.class).toString();
                    String line = TrustLines.account(id, rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getBoolean(5), rs.getString(6));
                    return new String[] {id, rs.getString(2), line, rs.getString(7)};
                }).list().forEach(a -> {
                    if (SigningKey.verifies(rootPublic, a[2], a[3])) {
                        nameOfAccount.put(a[0], a[1]);
                    } else {
                        problems.add(Finding.error("", "trust.account", a[1]));
                    }
                });
        Map<String, Signer> signers = new HashMap<>(); // key id → the certified account and its public key
        Map<String, Long> keyedFrom = new HashMap<>(); // account name → the first entry its keys sign
        h.createQuery("SELECT key_id, account_id, public_key, since_seq, cert FROM account_key ORDER BY key_id")
                .map((rs, ctx) -> new Object[] {rs.getString(1), rs.getObject(2, java.util.UUID.class).toString(),
                        rs.getString(3), rs.getLong(4), rs.getString(5)})
                .list().forEach(k -> {
                    String id = (String) k[0];
                    String account = (String) k[1];
                    String pub = (String) k[2];
                    long since = (Long) k[3];
                    boolean ok = id.equals(SigningKey.idOf(pub))
                            && SigningKey.verifies(rootPublic, TrustLines.key(id, account, pub, since), (String) k[4]);
                    if (ok && nameOfAccount.containsKey(account)) {
                        signers.put(id, new Signer(nameOfAccount.get(account), pub));
                        keyedFrom.merge(nameOfAccount.get(account), since, Math::min);
                    } else if (!ok) {
                        problems.add(Finding.error("", "trust.key", nameOfAccount.getOrDefault(account, "?")));
                    }
                });
        String rootId = SigningKey.idOf(rootPublic);
        Set<String> names = Set.copyOf(nameOfAccount.values());
        List<Long> bad = new ArrayList<>();
        long[] count = {0};
        AuditDao.signedFrom(h, root.signedFrom(), e -> {
            if (!signedRightly(e, rootId, rootPublic, signers, keyedFrom, names)) {
                count[0]++;
                if (bad.size() < NAMED) {
                    bad.add(e.seq());
                }
            }
        });
        if (count[0] > 0) {
            problems.add(Finding.error("", "trust.entries", count[0], bad.stream().map(String::valueOf)
                    .reduce((a, b) -> a + ", " + b).orElse("")));
        }
        anchor.map(Identity::head).ifPresent(seen -> {
            Optional<String> hash = AuditDao.hashOf(h, seen.seq());
            if (hash.isEmpty() || !hash.get().equals(seen.hash())) {
                problems.add(Finding.error("", "trust.cut", seen.seq()));
            }
        });
        return problems;
    }

    private static boolean signedRightly(AuditDao.Signed e, String rootId, String rootPublic, Map<String, Signer> signers,
            Map<String, Long> keyedFrom, Set<String> names) {
        if (e.signature() == null || e.signer() == null) {
            // a failed sign-in; or the work of an account that had no key yet (a store from before signing)
            return UNSIGNED_ALLOWED.contains(e.action())
                    || names.contains(e.operator()) && e.seq() < keyedFrom.getOrDefault(e.operator(), Long.MAX_VALUE);
        }
        String line = TrustLines.entry(e.hash());
        if (e.signer().equals(rootId)) {
            return SigningKey.verifies(rootPublic, line, e.signature()); // the recovery code's work
        }
        Signer known = signers.get(e.signer());
        if (known == null || !SigningKey.verifies(known.publicKey(), line, e.signature())) {
            return false;
        }
        // one's own work; or a failed sign-in, or work done before anyone is known, recorded in another's session
        return known.name().equals(e.operator()) || e.operator().equals("-") || UNSIGNED_ALLOWED.contains(e.action());
    }

    private record Root(String publicKey, long signedFrom, String signature) {
    }

    /** A certified signing key: whose it is. */
    private record Signer(String name, String publicKey) {
    }
}
