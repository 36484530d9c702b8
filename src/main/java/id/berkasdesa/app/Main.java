package id.berkasdesa.app;

import id.berkasdesa.cli.BerkasDesaCommand;
import id.berkasdesa.common.Messages;
import id.berkasdesa.db.DataDir;
import java.nio.file.Path;
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
        // the launcher's double click and "--data-dir DIR" open the window without the command line's
        // parser: reading its 28 commands' annotations costs the first window a few hundred classes
        Path dir = args.length == 0 ? DataDir.defaultDir() : null;
        boolean shown = false;
        boolean dashboard = false;
        for (int i = 0; i < args.length && args.length <= 4; i++) {
            if (args[i].equals("--data-dir") && i == 0 && args.length > 1 && !args[1].startsWith("-")) {
                dir = Path.of(args[++i]);
            } else if (dir != null && args[i].equals("--exit-after-shown")) {
                shown = true; // the start-up benchmark's options
            } else if (dir != null && args[i].equals("--exit-after-dashboard")) {
                dashboard = true;
            } else {
                dir = null;
                break;
            }
        }
        if (dir != null) {
            System.setProperty("berkasdesa.logdir", dir.resolve("logs").toString());
            BerkasDesaApp.start(dir, shown, dashboard, Messages.indonesian());
            System.exit(0);
        }
        id.berkasdesa.common.Trace.mark("cli-start");
        id.berkasdesa.cli.CommandWarmUp.startFor(args);
        CommandLine cli = BerkasDesaCommand.commandLine(cmd -> cmd.problem().ifPresentOrElse(
                text -> BerkasDesaApp.cannotStart(text, cmd.messages()),
                () -> {
                    cmd.serverSignIn().ifPresent(BerkasDesaApp::askServerFirst);
                    BerkasDesaApp.start(cmd.dataDir(), cmd.exitAfterShown(), cmd.exitAfterDashboard(), cmd.messages());
                }), args);
        id.berkasdesa.common.Trace.mark("cli-built");
        cli.setExecutionStrategy(parsed -> {
            id.berkasdesa.common.Trace.mark("cli-parsed");
            BerkasDesaCommand root = parsed.commandSpec().commandLine().getCommand();
            System.setProperty("berkasdesa.logdir", root.dataDir().resolve("logs").toString());
            return BerkasDesaCommand.execute(parsed);
        });
        System.exit(cli.execute(args));
    }
}
