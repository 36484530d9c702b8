package id.berkasdesa.cli;

import id.berkasdesa.account.Account;
import id.berkasdesa.account.AccountService;
import id.berkasdesa.common.Messages;
import id.berkasdesa.common.Role;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code operator add|list|disable|reset-password|password}: the accounts of a store. */
@Command(name = "operator", description = "Akun pengguna: tambah, daftar, nonaktifkan, atur ulang kata sandi, ganti kata sandi sendiri.",
        subcommands = {OperatorCommand.Add.class, OperatorCommand.List.class, OperatorCommand.Disable.class,
                OperatorCommand.Reset.class, OperatorCommand.Password.class, OperatorCommand.ChangeRole.class})
final class OperatorCommand {

    @ParentCommand
    BerkasDesaCommand parent;

    static int ok(String what, String name) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", true);
        out.put(what, name);
        System.out.println(Json.line(out));
        return 0;
    }

    /** The first password the app made, printed once: the Administrator hands it over, and it is changed at first sign-in. */
    static int withPassword(String what, String name, String password) {
        return withPassword(what, name, name, password);
    }

    /** The same where the line names something else than the person ({@code "role": "administrator"}). */
    static int withPassword(String what, String value, String person, String password) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", true);
        out.put(what, value);
        out.put("password", password);
        System.out.println(Json.line(out));
        System.err.println(Messages.indonesian().get("cli.operator.passwordOnce", person));
        return 0;
    }

    /** A role that is none of administrator, operator, pemeriksa: a usage mistake (exit 2). */
    static int unknownRole(String typed, Messages messages) {
        return Json.fail(2, "cli.operator.role", messages.get("cli.operator.role", typed));
    }

    static int noPassword(Messages messages) {
        return Json.fail(1, "cli.password.none", messages.get("cli.password.none"));
    }

    @Command(name = "add", description = "Tambah pengguna; kata sandi awal dibuat aplikasi dan dicetak sekali sebagai {\"password\": …} (harus diganti saat masuk pertama).")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        OperatorCommand group;

        @Option(names = "--name", required = true, paramLabel = "NAME")
        String name;

        @Option(names = "--role", required = true, paramLabel = "administrator|operator|pemeriksa")
        String role;

        @Override
        public Integer call() {
            Messages messages = Messages.indonesian();
            Role r = Role.parse(role).orElse(null);
            if (r == null) {
                return unknownRole(role, messages);
            }
            return StoreCommand.run(group.parent, w -> {
                AccountService.Created c = w.accounts().addWithNewPassword(name, r);
                return withPassword("added", c.account().name(), c.password());
            });
        }
    }

    @Command(name = "list", description = "Daftar pengguna, satu baris JSON per orang.")
    static final class List implements Callable<Integer> {
        @ParentCommand
        OperatorCommand group;

        @Override
        public Integer call() {
            return StoreCommand.run(group.parent, w -> {
                for (Account a : w.accounts().list()) {
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("name", a.name());
                    out.put("role", a.role().name().toLowerCase(java.util.Locale.ROOT));
                    out.put("active", a.active());
                    out.put("lastSignIn", a.lastSignIn() == null ? null : a.lastSignIn().toString());
                    System.out.println(Json.line(out));
                }
                return 0;
            });
        }
    }

    @Command(name = "role", description = "Ubah peran pengguna (tercatat di rekam jejak; Administrator terakhir tidak bisa diubah).")
    static final class ChangeRole implements Callable<Integer> {
        @ParentCommand
        OperatorCommand group;

        @Option(names = "--name", required = true, paramLabel = "NAME")
        String name;

        @Option(names = "--role", required = true, paramLabel = "administrator|operator|pemeriksa")
        String role;

        @Override
        public Integer call() {
            Messages messages = Messages.indonesian();
            Role r = Role.parse(role).orElse(null);
            if (r == null) {
                return unknownRole(role, messages);
            }
            return StoreCommand.run(group.parent, w -> {
                String roleText = r.name().toLowerCase(java.util.Locale.ROOT);
                // a new Administrator gets a new first password (their password must open the certifying key)
                return w.accounts().changeRole(name, r).map(p -> withPassword("role", roleText, name.strip(), p))
                        .orElseGet(() -> ok("role", roleText));
            });
        }
    }

    @Command(name = "disable", description = "Nonaktifkan pengguna (tidak dihapus: rekam jejak tetap menyebutnya).")
    static final class Disable implements Callable<Integer> {
        @ParentCommand
        OperatorCommand group;

        @Option(names = "--name", required = true, paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            return StoreCommand.run(group.parent, w -> {
                w.accounts().disable(name);
                return ok("disabled", name.strip());
            });
        }
    }

    @Command(name = "reset-password", description = "Atur ulang kata sandi pengguna: kata sandi baru dibuat aplikasi dan dicetak sekali; ia harus menggantinya saat masuk.")
    static final class Reset implements Callable<Integer> {
        @ParentCommand
        OperatorCommand group;

        @Option(names = "--name", required = true, paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            Messages messages = Messages.indonesian();
            return StoreCommand.run(group.parent, w -> withPassword("reset", name.strip(),
                    w.accounts().resetWithNewPassword(name)));
        }
    }

    @Command(name = "password", description = "Ganti kata sandi sendiri (yang baru dari BERKAS_DESA_NEW_PASSWORD).")
    static final class Password implements Callable<Integer> {
        @ParentCommand
        OperatorCommand group;

        @Override
        public Integer call() {
            Messages messages = Messages.indonesian();
            return StoreCommand.run(group.parent, true, w -> {
                char[] password = StoreCommand.newPassword(group.parent, "BERKAS_DESA_NEW_PASSWORD", messages);
                if (password == null) {
                    return noPassword(messages);
                }
                w.accounts().changeOwnPassword(password);
                return ok("changed", w.session().operator());
            });
        }
    }
}
