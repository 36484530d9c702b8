package id.berkasdesa.app;

import id.berkasdesa.cli.BerkasDesaCommand;
import picocli.CommandLine;

/**
 * Entry point of {@code java -jar berkas-desa.jar}. Not a JavaFX {@code Application}, so the jar
 * runs with JavaFX on the class path. With no command it opens the window; otherwise it runs the
 * command line.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        CommandLine cli = BerkasDesaCommand.commandLine(cmd -> BerkasDesaApp.start(cmd.dataDir(), cmd.exitAfterShown(),
                cmd.exitAfterDashboard(), cmd.messages()));
        cli.setExecutionStrategy(parsed -> {
            BerkasDesaCommand root = parsed.commandSpec().commandLine().getCommand();
            System.setProperty("berkasdesa.logdir", root.dataDir().resolve("logs").toString());
            return BerkasDesaCommand.execute(parsed);
        });
        System.exit(cli.execute(args));
    }
}
