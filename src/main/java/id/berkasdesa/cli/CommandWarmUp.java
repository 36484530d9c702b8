package id.berkasdesa.cli;

import id.berkasdesa.common.Messages;
import java.util.Set;

/**
 * A command that opens a store spends its first half second on one core — its parser built, the
 * arguments read, the key file read — while the other waits; then the password's hashes take both.
 * Meanwhile this thread loads and initialises, on that idle core, what the store's opening needs next
 * and would otherwise do on the command's own thread: the messages, JSON, the SQL engine (its parser,
 * tables and indexes, on a throwaway in-memory database with no data) and the area codes the store's
 * wiring needs (read once per process, {@link id.berkasdesa.wilayah.Wilayah#load}). Touches no file
 * and no data; a failure changes nothing (the command then loads it itself). Nothing that sets up the logging (Jdbi
 * does, at its first use): that makes the log's folder and file, and a command refused before its store
 * must leave nothing behind (OfficeServerCliTest).
 */
public final class CommandWarmUp {

    /** Commands that open no store: nothing to warm for them. */
    private static final Set<String> STORELESS = Set.of("nik", "kk", "verify", "class-archive", "district-key",
            "open-bundle", "sign-response");

    private CommandWarmUp() {
    }

    /** Starts the warm-up when {@code args} ask for a command that opens a store. */
    public static void startFor(String... args) {
        String command = BerkasDesaCommand.commandAsked(args).orElse(null);
        if (command == null || STORELESS.contains(command)) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                Messages.indonesian();
                new com.fasterxml.jackson.databind.ObjectMapper();
                id.berkasdesa.db.EngineWarmUp.run();
                id.berkasdesa.wilayah.Wilayah.load(); // read once per process: the store's wiring takes this one
            } catch (RuntimeException | LinkageError e) {
                // the command loads what it needs itself
            }
        }, "warm-up");
        t.setDaemon(true);
        t.start();
    }
}
