package io.fargatereconciler;

import io.fargatereconciler.cli.ReconcilerCommandLine;
import io.fargatereconciler.sim.SimulateCommand;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.PrintWriter;
import java.time.InstantSource;
import java.util.List;
import picocli.CommandLine;

/**
 * Entry point. Without arguments (the container, {@code quarkus:dev}) it runs the daemon until stopped; with a command
 * ({@code validate}, {@code plan}, {@code policy}, {@code simulate}, or {@code --help}) it runs that as plain Java,
 * before Quarkus starts, so it opens no port of the daemon's and starts in milliseconds, and exits with its status.
 */
@QuarkusMain
public final class Main {
    private Main() {
    }

    public static void main(String... args) {
        if (args.length == 0) {
            Quarkus.run(args);
            return;
        }
        System.exit(ReconcilerCommandLine.run(commands(), List.of(args), new PrintWriter(System.out),
                new PrintWriter(System.err)));
    }

    /** The commands the packaged application runs. */
    static CommandLine commands() {
        return ReconcilerCommandLine.create(InstantSource.system()).addSubcommand(new SimulateCommand());
    }
}
