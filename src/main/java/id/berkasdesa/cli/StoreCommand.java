package id.berkasdesa.cli;

import id.berkasdesa.account.AccountException;
import id.berkasdesa.account.AccountService;
import id.berkasdesa.common.MessageException;
import id.berkasdesa.common.Messages;
import id.berkasdesa.db.AccessException;
import id.berkasdesa.db.Database;
import id.berkasdesa.db.StoreException;
import id.berkasdesa.keys.KeyException;
import id.berkasdesa.wiring.Wiring;
import java.io.Console;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/**
 * What commands that work on a data folder share: open the store through the one wiring, sign in
 * (a store with accounts: {@code --user} or {@code BERKAS_DESA_USER}, the password from
 * {@code BERKAS_DESA_PASSWORD} or the console), and turn what cannot be done into its message and
 * exit code: 2 for a store that cannot be opened, 3 for not signed in, a wrong password, a locked
 * account or an action the role may not do.
 */
final class StoreCommand {

    static final int NOT_SIGNED_IN = 3;

    @FunctionalInterface
    interface Work {
        int run(Wiring services);
    }

    private StoreCommand() {
    }

    static int run(BerkasDesaCommand parent, Work work) {
        return run(parent, false, work);
    }

    /**
     * For {@code demo} and {@code bench}: on a new folder, once the work is done, the Administrator
     * named by {@code BERKAS_DESA_USER} (default {@code admin}) is created with the password
     * {@code BERKAS_DESA_PASSWORD} (made up and printed on standard error when unset), and the
     * recovery code printed as {@code init} does.
     */
    static int runCreatingAdministrator(BerkasDesaCommand parent, Work work) {
        boolean fresh = !id.berkasdesa.db.Database.exists(parent.dataDir());
        return run(parent, false, w -> {
            int exit = work.run(w);
            if (exit != 0 || !fresh || w.accounts().anyAccount()) {
                return exit;
            }
            String name = parent.user() == null ? "admin" : parent.user();
            String given = parent.env("BERKAS_DESA_PASSWORD");
            String password = given != null ? given : id.berkasdesa.account.RecoveryCode.generate().substring(0, 17);
            String code = w.accounts().createFirstAdministrator(name, password.toCharArray());
            if (given == null) {
                System.err.println(Messages.indonesian().get("cli.demo.password", name, password));
            }
            java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
            out.put("village", w.villages().profile().map(id.berkasdesa.village.VillageProfile::kodeDesa).orElse(null));
            out.put("admin", w.session().operator());
            out.put("recoveryCode", code);
            System.out.println(Json.line(out));
            return 0;
        });
    }

    /**
     * The exit of a command refused because the window has this data folder open (it would fail later
     * on the store's lock, after asking for a password): the same words as a second window hears.
     */
    static java.util.Optional<Integer> windowOpen(BerkasDesaCommand parent) {
        if (!id.berkasdesa.db.WindowLock.windowOpen(parent.dataDir())) {
            return java.util.Optional.empty();
        }
        Messages messages = Messages.indonesian();
        return java.util.Optional.of(Json.fail(2, "cli.windowOpen", messages.get("cli.windowOpen",
                parent.dataDir().toString())));
    }

    /** @param ownPassword the command changes the user's own password: allowed while they must change it */
    static int run(BerkasDesaCommand parent, boolean ownPassword, Work work) {
        java.util.Optional<Integer> open = windowOpen(parent);
        if (open.isPresent()) {
            return open.get();
        }
        Messages messages = Messages.indonesian();
        char[] password = null;
        try {
            Wiring opened;
            if (Wiring.needsPassword(parent.dataDir())) {
                // an encrypted store: the same name and password unwrap its key, then sign in
                password = password(parent, "BERKAS_DESA_PASSWORD", messages.get("cli.signin.password", parent.user()));
                if (parent.user() == null || password == null) {
                    return Json.fail(NOT_SIGNED_IN, "cli.signin.needed", messages.get("cli.signin.needed"));
                }
                opened = Wiring.unlock(parent.dataDir(), Clock.systemDefaultZone(), parent.user(), password);
            } else {
                opened = Wiring.open(parent.dataDir(), Clock.systemDefaultZone());
            }
            try (Wiring wiring = opened) {
                if (wiring.accounts().anyAccount()) {
                    if (password == null) {
                        password = password(parent, "BERKAS_DESA_PASSWORD", messages.get("cli.signin.password", parent.user()));
                    }
                    int refused = signIn(parent, wiring.accounts(), password, ownPassword, messages);
                    if (refused != 0) {
                        return refused;
                    }
                }
                return work.run(wiring);
            }
        } catch (StoreException e) {
            return Json.fail(2, e.key(), messages.get(e.key(), e.args()));
        } catch (AccessException e) {
            return Json.fail(NOT_SIGNED_IN, e.key(), e.message(messages));
        } catch (AccountException e) {
            return Json.fail(e.signIn() ? NOT_SIGNED_IN : 1, e.key(), e.message(messages));
        } catch (KeyException e) {
            boolean signIn = e.key().startsWith("account.");
            return Json.fail(signIn ? NOT_SIGNED_IN : 2, e.key(), e.message(messages));
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    private static int signIn(BerkasDesaCommand parent, AccountService accounts, char[] password, boolean ownPassword,
            Messages messages) {
        String user = parent.user();
        if (user == null || password == null) {
            return Json.fail(NOT_SIGNED_IN, "cli.signin.needed", messages.get("cli.signin.needed"));
        }
        try {
            AccountService.SignedIn in = accounts.signIn(user, password);
            if (in.mustChange() && !ownPassword) {
                return Json.fail(NOT_SIGNED_IN, "account.signin.mustChange", messages.get("account.signin.mustChange")
                        + " " + messages.get("cli.signin.changeHow"));
            }
            return 0;
        } catch (MessageException e) {
            return Json.fail(NOT_SIGNED_IN, e.key(), e.message(messages));
        }
    }

    /** A secret from the environment variable, else asked on the console without echo; null when neither. */
    static char[] password(BerkasDesaCommand parent, String variable, String prompt) {
        String v = parent.env(variable);
        if (v != null) {
            return v.toCharArray();
        }
        Console console = System.console();
        return console == null ? null : console.readPassword("%s", prompt);
    }

    /**
     * The files a new store makes in a data folder that had none: when the set-up is refused before it
     * is complete (an unknown area code, a weak password, another district's key), they are removed
     * again on close, so the same command can simply be run again with the mistake put right (it used
     * to answer "this folder already has data" for a store nobody could use). Only files this run
     * made; folders only when empty; nothing on an office's server.
     */
    static final class NewStore implements AutoCloseable {
        private final List<Path> made;
        private boolean complete;

        NewStore(Path dataDir) {
            made = id.berkasdesa.wiring.Wiring.serverName().isPresent() ? List.of()
                    : java.util.stream.Stream.of(Database.STORE_FILE, Database.PLAIN_STORE_FILE,
                            id.berkasdesa.keys.KeyRing.FILE, Database.LOCK_FILE, id.berkasdesa.files.DocumentStore.FOLDER)
                            .map(dataDir::resolve).filter(f -> !java.nio.file.Files.exists(f)).toList();
        }

        /** The store has its first Administrator: it stays, whatever comes after. */
        void complete() {
            complete = true;
        }

        @Override
        public void close() {
            if (complete) {
                return;
            }
            for (Path f : made) {
                try {
                    java.nio.file.Files.deleteIfExists(f);
                } catch (java.io.IOException e) {
                    // a folder something was put in stays, and so does a file in use
                }
            }
        }
    }

    /** A new password: the environment variable, else asked twice on the console; null when neither or they differ. */
    static char[] newPassword(BerkasDesaCommand parent, String variable, Messages messages) {
        String v = parent.env(variable);
        if (v != null) {
            return v.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            return null;
        }
        char[] first = console.readPassword("%s", messages.get("cli.password.new"));
        char[] again = console.readPassword("%s", messages.get("cli.password.again"));
        boolean same = Arrays.equals(first, again);
        Arrays.fill(again, '\0');
        return same ? first : null;
    }

    /**
     * Whether to apply what a command has just listed: {@code --yes}, or "y" typed on a console.
     * Without either it prints why nothing was applied (run again with {@code --yes}, or not applied).
     */
    static boolean confirmed(boolean yes, Messages messages, String question) {
        if (yes) {
            return true;
        }
        Console console = System.console();
        if (console == null) {
            System.out.println(messages.get("cli.import.needYes"));
            return false;
        }
        String answer = console.readLine(question);
        if (answer == null || !answer.strip().toLowerCase(java.util.Locale.ROOT).startsWith("y")) {
            System.out.println(messages.get("cli.import.notApplied"));
            return false;
        }
        return true;
    }
}
