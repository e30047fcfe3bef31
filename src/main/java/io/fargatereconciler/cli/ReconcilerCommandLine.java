package io.fargatereconciler.cli;

import java.io.PrintWriter;
import java.time.InstantSource;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The application's command line: {@code validate}, {@code plan} and {@code policy} (and whatever the caller adds, the
 * simulator's {@code simulate}), each with generated {@code --help}. The commands run as plain Java before Quarkus
 * starts (see {@code Main}): no port, no CDI, a start in milliseconds. A command line picocli cannot read exits
 * {@link #USAGE_ERROR} after the command's usage ({@link UsageErrors}).
 */
@Command(name = "fargate-reconciler", sortOptions = false, synopsisSubcommandLabel = "[COMMAND]",
        description = {"Keeps declared ECS Fargate tasks running. Without a command (java -jar quarkus-run.jar) it runs"
                + " the daemon; a command runs on its own, opens no port and exits."},
        commandListHeading = "%nCommands:%n",
        footer = {"", "Run a command with --help for its options and exit status."})
public final class ReconcilerCommandLine {
    /** The exit status of a command line that cannot be read (an unknown option, a missing or malformed value). */
    public static final int USAGE_ERROR = 2;
    /** Columns of the help text: wide enough that option descriptions naming properties rarely wrap inside a name. */
    private static final int HELP_WIDTH = 100;

    @Mixin
    private HelpOption help;

    private ReconcilerCommandLine() {
    }

    /** The commands of this package; {@code plan} plans at {@code clock}'s now (Job schedules depend on it). */
    public static CommandLine create(InstantSource clock) {
        CommandLine validate = new CommandLine(new ValidateCommand());
        validate.getCommandSpec().usageMessage().footer(ValidateCommand.footer());
        return new CommandLine(new ReconcilerCommandLine())
                .addSubcommand(validate)
                .addSubcommand(new PlanCommand(clock))
                .addSubcommand(new PolicyCommand());
    }

    /**
     * Runs {@code args} (a command and its arguments) on {@code commands}, printing to {@code out} and {@code err}, and
     * returns the exit status.
     */
    public static int run(CommandLine commands, List<String> args, PrintWriter out, PrintWriter err) {
        commands.setOut(out).setErr(err).setUsageHelpWidth(HELP_WIDTH).setParameterExceptionHandler(new UsageErrors()).setExpandAtFiles(false);
        try {
            return commands.execute(args.toArray(String[]::new));
        } finally {
            out.flush();
            err.flush();
        }
    }
}
