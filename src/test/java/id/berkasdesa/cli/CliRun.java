package id.berkasdesa.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** One command run in this JVM, as a shell would: its exit code and what it printed on each stream. */
record CliRun(int exit, String out, String err) {

    List<String> lines() {
        return out.lines().toList();
    }

    /** The first line of standard output as JSON. */
    JsonNode json() {
        try {
            return new ObjectMapper().readTree(out.lines().findFirst().orElse("{}"));
        } catch (IOException e) {
            throw new AssertionError(out, e);
        }
    }

    /**
     * Runs {@code args} in a fresh JVM (a child process started as {@code java -cp … Main}), with
     * {@code env} added to this one's environment: what a person's shell runs, with no class loaded
     * beforehand by another test. Start-up faults hide from {@link #of}.
     */
    static CliRun child(Map<String, String> env, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(
                java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "id.berkasdesa.app.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        try {
            java.nio.file.Path err = java.nio.file.Files.createTempFile("cli-child", ".err");
            try {
                Process p = pb.redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                        new java.io.File("/dev/null"))).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                int exit = p.waitFor();
                return new CliRun(exit, out, java.nio.file.Files.readString(err));
            } finally {
                java.nio.file.Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Runs {@code args} with {@code env} as the environment variables; no window may open. */
    static CliRun of(Map<String, String> env, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = BerkasDesaCommand.commandLine(c -> {
                throw new AssertionError("no window in a command-line test");
            }, env, args).execute(args);
            return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
