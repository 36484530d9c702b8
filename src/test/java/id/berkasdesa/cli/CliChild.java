package id.berkasdesa.cli;

import java.util.Map;

/** {@link CliRun#child} for tests outside this package: a command in a fresh JVM, its exit and output. */
public final class CliChild {

    private CliChild() {
    }

    public record Result(int exit, String out, String err) {
    }

    public static Result run(Map<String, String> env, String... args) {
        CliRun r = CliRun.child(env, args);
        return new Result(r.exit(), r.out(), r.err());
    }
}
