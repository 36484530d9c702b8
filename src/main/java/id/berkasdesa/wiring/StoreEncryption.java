package id.berkasdesa.wiring;

import id.berkasdesa.account.AccountService;
import id.berkasdesa.account.Passwords;
import id.berkasdesa.db.Database;
import id.berkasdesa.files.DocumentStore;
import id.berkasdesa.keys.KeyRing;
import id.berkasdesa.settings.SettingsStore;
import id.berkasdesa.village.VillageProfile;
import id.berkasdesa.village.VillageService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first start of this version on a store from before encryption. Into new files, the old ones
 * untouched until the end:
 * <ol>
 *   <li>what an earlier, interrupted attempt left is cleared;</li>
 *   <li>a new store key; the store file is copied and the copy encrypted with it; the copy is opened
 *       (and migrated, if it must be);</li>
 *   <li>every document file is sealed into the encrypted document folder, each checked against its hash;</li>
 *   <li>the key file is written, with a wrap for every active account's password hash and for the
 *       recovery code — the moment the encrypted store becomes the store;</li>
 *   <li>the plain store, the plain document files and the plain pre-migration copies are deleted
 *       ({@link #finish}, which every later start repeats until nothing is left).</li>
 * </ol>
 * A kill before step 4 leaves the old store as it was (the next start begins again); after it, the
 * encrypted one, complete.
 */
final class StoreEncryption {

    private static final Logger LOG = LoggerFactory.getLogger(StoreEncryption.class);

    private StoreEncryption() {
    }

    /** The encrypted store, open, with its key. */
    record Opened(KeyRing keys, Database db) {
    }

    static Opened run(Path dataDir, Clock clock) {
        LOG.info("encrypting a store made before encryption");
        Database.removeEncrypted(dataDir);
        DocumentStore.removeEncrypted(dataDir);
        deleteQuietly(KeyRing.file(dataDir).resolveSibling(KeyRing.FILE + ".tmp"));
        KeyRing keys = KeyRing.generate(dataDir);
        Database.encryptCopy(dataDir, keys.key());
        Database db = Database.open(dataDir, keys.key());
        try {
            int files = DocumentStore.encryptPlain(dataDir, new DocumentStore(dataDir, keys.key()));
            AccountService accounts = new AccountService(db, new Passwords(Passwords.Cost.forThisRun()), new SettingsStore(db),
                    clock, Wiring.wraps(keys, () -> new VillageService(db, clock, new SettingsStore(db)).profile()
                            .map(VillageProfile::nameAndOffice).orElse(null)),
                    id.berkasdesa.account.SignInGuard.inFolder(dataDir, keys.storeId()), Wiring.identities(keys));
            accounts.rewrap(); // nobody's password changes here: only the wraps of every active account are made
            keys.save(); // the encrypted store is the store from here on
            LOG.info("store encrypted: {} document files sealed", files);
        } catch (RuntimeException e) {
            db.close();
            if (!Files.exists(KeyRing.file(dataDir))) {
                Database.removeEncrypted(dataDir);
                DocumentStore.removeEncrypted(dataDir);
            }
            throw e;
        }
        finish(dataDir);
        return new Opened(keys, db);
    }

    /** Clears the plain files an encrypted store replaced (a start interrupted here finishes it next time). */
    static void finish(Path dataDir) {
        boolean plain = Database.plainExists(dataDir) || DocumentStore.plainExists(dataDir);
        Database.removePlain(dataDir);
        DocumentStore.removePlain(dataDir);
        if (plain) {
            LOG.info("plain store files removed after encryption");
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (java.io.IOException e) {
            // the next attempt overwrites it
        }
    }
}
