package id.berkasdesa.cli;

import id.berkasdesa.common.BuildInfo;
import id.berkasdesa.common.Messages;
import id.berkasdesa.db.DataDir;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code berkas-desa [--data-dir DIR] [COMMAND]}: with no command, starts the app's window. */
@Command(name = "berkas-desa", mixinStandardHelpOptions = true, versionProvider = BerkasDesaCommand.Version.class,
        resourceBundle = "i18n.cli",
        description = "Berkas Desa: register KK dan usulan reaktivasi PBI-JK, tanpa internet.")
public final class BerkasDesaCommand implements Callable<Integer> {

    /**
     * The commands by name, in the order the help lists them. Each one's model (picocli reads every
     * option's annotations) is built only when it is the command asked for, or for the help and for a
     * word that is no command: all of them took 0.5 s of every command's start.
     */
    static final Map<String, Class<?>> COMMANDS = commands(
            "nik", NikCommand.class, "kk", KkCommand.class, "demo", DemoCommand.class, "bench", BenchCommand.class,
            "export", ExportCommand.class, "verify", VerifyCommand.class, "import-response", ImportResponseCommand.class,
            "bench-bundle", BenchBundleCommand.class, "bench-dinas", BenchDinasCommand.class, "init", InitCommand.class,
            "request", RequestCommand.Group.class, "document", RequestCommand.Documents.class,
            "operator", OperatorCommand.class, "recover", RecoverCommand.class, "audit", AuditCommand.class,
            "bench-accounts", BenchAccountsCommand.class, "district-key", DistrictKeyCommand.class,
            "open-bundle", OpenBundleCommand.class, "sign-response", SignResponseCommand.class,
            "bench-open", BenchOpenCommand.class, "backup", BackupCommand.class, "restore", RestoreCommand.class,
            "check", CheckCommand.class, "bench-backup", BenchBackupCommand.class,
            "import-population", ImportPopulationCommand.class, "import-pbi-list", ImportPbiCommand.class,
            "export-register", ExportRegisterCommand.class, "bench-import", BenchImportCommand.class,
            "rekey", RekeyCommand.class, "letter", LetterCommand.class, "bench-letters", BenchLettersCommand.class,
            "class-archive", ClassArchiveCommand.class, "dinas", DinasCommand.class);

    private static Map<String, Class<?>> commands(Object... nameThenClass) {
        Map<String, Class<?>> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < nameThenClass.length; i += 2) {
            m.put((String) nameThenClass[i], (Class<?>) nameThenClass[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The root's options that take a value: the word after one is its value, not a command. */
    private static final java.util.Set<String> VALUED = java.util.Set.of("--data-dir", "--database", "--lang", "--user");

    /** The command {@code args} ask for (the first word that is neither a root option nor its value), when it is one. */
    static java.util.Optional<String> commandAsked(String... args) {
        for (int i = 0; i < args.length; i++) {
            if (VALUED.contains(args[i])) {
                i++;
            } else if (!args[i].startsWith("-")) {
                return COMMANDS.containsKey(args[i]) ? java.util.Optional.of(args[i]) : java.util.Optional.empty();
            }
        }
        return java.util.Optional.empty();
    }

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder data (bawaan: folder data pengguna, mis. %%LOCALAPPDATA%%\\BerkasDesa).")
    Path dataDir;

    @Option(names = "--database", paramLabel = "postgresql://HOST:PORT/DB",
            description = "Server PostgreSQL kantor Dinas Sosial (15 atau lebih baru) yang dipakai beberapa petugas sekaligus; "
                    + "pengguna dan kata sandinya dari BERKAS_DESA_DB_USER dan BERKAS_DESA_DB_PASSWORD, atau yang diingat PC ini "
                    + "(jendela menanyakannya sekali). --data-dir lalu "
                    + "hanya menjadi tempat folder kerja PC ini untuk server itu.")
    String database;

    @Option(names = "--lang", paramLabel = "id|en", defaultValue = "id",
            description = "Bahasa tampilan: id (Bahasa Indonesia, bawaan) atau en (English).")
    String lang;

    @Option(names = "--user", paramLabel = "NAME",
            description = "Pengguna yang masuk (bawaan: variabel lingkungan BERKAS_DESA_USER). Kata sandi dari "
                    + "BERKAS_DESA_PASSWORD, atau ditanyakan di konsol.")
    String user;

    @Option(names = "--exit-after-shown", hidden = true,
            description = "Close as soon as the first window is shown and print the time it took (start-up benchmark).")
    boolean exitAfterShown;

    @Option(names = "--exit-after-dashboard", hidden = true,
            description = "Open the store, show the home screen, print the times it took, and close (start-up benchmark).")
    boolean exitAfterDashboard;

    /** Words that are no command: "berkas-desa EKSPOR --help" says so and exits 2, never prints help and exits 0. */
    @picocli.CommandLine.Parameters(hidden = true, arity = "0..*")
    java.util.List<String> unknown;

    private final Consumer<BerkasDesaCommand> gui;
    /** Why the window cannot open (an office's server that cannot be used), or null. */
    private String problem;
    /** The office server's login to ask for in the window, or null. */
    private ServerSignIn serverSignIn;
    private final Map<String, String> env;

    /**
     * @param gui starts the window with this command's options (the composition root supplies it)
     * @param env the environment variables (the process's; a test gives its own)
     */
    public BerkasDesaCommand(Consumer<BerkasDesaCommand> gui, Map<String, String> env) {
        this.gui = gui;
        this.env = Map.copyOf(env);
    }

    /** An environment variable, or null. */
    String env(String name) {
        String v = env.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    /** Who signs in: {@code --user}, else {@code BERKAS_DESA_USER}; null when neither. */
    String user() {
        return user != null && !user.isBlank() ? user : env("BERKAS_DESA_USER");
    }

    /** The data folder; with {@code --database}, this PC's work folder for that server (inside it). */
    public Path dataDir() {
        Path base = dataDir != null ? dataDir : DataDir.defaultDir();
        return database == null ? base : id.berkasdesa.db.Server.Address.parse(database).map(a -> a.workDir(base)).orElse(base);
    }

    public Messages messages() {
        return Messages.forLocale(Locale.forLanguageTag(lang));
    }

    /** The window's question for the office server's login, when this PC has none that the server takes. */
    public java.util.Optional<ServerSignIn> serverSignIn() {
        return java.util.Optional.ofNullable(serverSignIn);
    }

    /** Why the window cannot open at all, said in the window's language; empty when it can. */
    public java.util.Optional<String> problem() {
        return java.util.Optional.ofNullable(problem);
    }

    public boolean exitAfterShown() {
        return exitAfterShown;
    }

    public boolean exitAfterDashboard() {
        return exitAfterDashboard;
    }

    @Override
    public Integer call() {
        gui.accept(this);
        return 0;
    }

    /** The command line for {@code args}: with only the command they ask for, or with all of them. */
    public static CommandLine commandLine(Consumer<BerkasDesaCommand> gui, String... args) {
        return commandLine(gui, System.getenv(), args);
    }

    public static CommandLine commandLine(Consumer<BerkasDesaCommand> gui, Map<String, String> env, String... args) {
        CommandLine cl = new CommandLine(new BerkasDesaCommand(gui, env));
        java.util.Optional<String> asked = commandAsked(args);
        COMMANDS.forEach((name, command) -> {
            if (asked.isEmpty() || asked.get().equals(name)) {
                cl.addSubcommand(name, command);
            }
        });
        cl.setCaseInsensitiveEnumValuesAllowed(true); // after the commands: picocli passes it to those added so far
        cl.setExecutionStrategy(BerkasDesaCommand::execute);
        // a fault nobody foresaw: a plain message and exit 1, never a stack trace on the screen (its
        // messages can carry personal data, e.g. the values of a failed SQL statement); the log names
        // only the kind of fault
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            org.slf4j.LoggerFactory.getLogger(BerkasDesaCommand.class).error("command failed: {} at {}",
                    e.getClass().getName(), e.getStackTrace().length > 0 ? e.getStackTrace()[0] : "?");
            Messages m = Messages.indonesian();
            return Json.fail(1, "cli.unexpected", m.get("cli.unexpected"));
        });
        return cl;
    }

    /**
     * Runs what was asked, after one check picocli leaves out when help is asked for: a word that is no
     * command is a usage mistake (exit 2) naming the word.
     */
    public static int execute(CommandLine.ParseResult parsed) {
        BerkasDesaCommand root = parsed.commandSpec().commandLine().getCommand();
        if (root.unknown != null && !root.unknown.isEmpty()) {
            String word = root.unknown.get(0);
            Messages m = Messages.indonesian();
            return Json.fail(2, "cli.unknownCommand", m.get("cli.unknownCommand", word));
        }
        if (root.database != null && !parsed.isUsageHelpRequested() && !parsed.isVersionHelpRequested()) {
            // an office's server: connected (and its schema brought up to date) before any command runs,
            // with the environment's login, else the one this PC keeps (the window's "Ingat di PC ini")
            Path work = root.dataDir();
            java.util.Optional<id.berkasdesa.db.ServerLogin> login = id.berkasdesa.db.ServerLogin.of(
                    root.env("BERKAS_DESA_DB_USER"), root.env("BERKAS_DESA_DB_PASSWORD"), work);
            try {
                connect(root.database, work, login.map(id.berkasdesa.db.ServerLogin::user).orElse(null),
                        login.map(id.berkasdesa.db.ServerLogin::password).orElse(null));
            } catch (id.berkasdesa.db.StoreException e) {
                if (parsed.subcommand() == null && (e.key().equals("store.error.serverLogin")
                        || e.key().equals("store.error.serverLoginRefused"))) {
                    // the window: it asks for the server's login, and may keep it on this PC
                    String user = login.map(id.berkasdesa.db.ServerLogin::user).orElse("");
                    String refused = e.key().equals("store.error.serverLogin") ? null : root.messages().get(e.key(), e.args());
                    String url = root.database;
                    root.serverSignIn = new ServerSignIn(id.berkasdesa.db.Server.Address.parse(url).orElseThrow().toString(),
                            user, refused, (u, p, remember) -> {
                                connect(url, work, u, p);
                                if (remember) {
                                    new id.berkasdesa.db.ServerLogin(u, p).save(work);
                                } else {
                                    id.berkasdesa.db.ServerLogin.forget(work);
                                }
                            });
                    root.gui.accept(root);
                    return 0;
                }
                if (parsed.subcommand() == null) {
                    // the window: the message in a window, as a double click on the shortcut shows nothing else
                    root.problem = root.messages().get(e.key(), e.args());
                    root.gui.accept(root);
                    return 2;
                }
                Messages m = Messages.indonesian();
                return Json.fail(2, e.key(), m.get(e.key(), e.args()));
            }
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    /** Connects to the office's server, makes it this process's store, and takes a copy of its key ring into {@code work}. */
    private static void connect(String url, Path work, String user, String password) {
        id.berkasdesa.db.Server server = id.berkasdesa.db.Server.connect(url, user, password);
        id.berkasdesa.wiring.Wiring.useServer(server);
        try {
            id.berkasdesa.wiring.Wiring.prepare(work); // this PC's copy of the key ring, before any window or command
        } catch (RuntimeException e) {
            id.berkasdesa.wiring.Wiring.useServer(null);
            server.close();
            throw e;
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            BuildInfo b = BuildInfo.current();
            return new String[] {"Berkas Desa " + b.version() + " (build " + b.date() + ")"};
        }
    }
}
