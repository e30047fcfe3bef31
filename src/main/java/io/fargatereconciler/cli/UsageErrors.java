package io.fargatereconciler.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

/**
 * Prints a command line picocli could not read as {@code COMMAND: problem} and the command's usage on stderr, and
 * returns {@link ReconcilerCommandLine#USAGE_ERROR}. The problems picocli finds itself are said in the commands' own
 * words (unknown option, a missing value or folder); the problems the commands find in a value (thrown as a
 * {@link ParameterException} by an option's setter) already are.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException problem, String[] args) {
        CommandLine command = problem.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(command.getCommandName() + ": " + describe(problem));
        command.usage(err);
        err.flush();
        return ReconcilerCommandLine.USAGE_ERROR;
    }

    private static String describe(ParameterException problem) {
        if (problem instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            return unmatched(problem.getCommandLine(), unmatched.getUnmatched().get(0));
        }
        if (problem instanceof CommandLine.MissingParameterException missing && !missing.getMissing().isEmpty()) {
            ArgSpec argument = missing.getMissing().get(0);
            return argument instanceof OptionSpec option ? option.longestName() + " needs a value"
                    : "name " + String.join(" ", argument.description());
        }
        return problem.getMessage();
    }

    private static String unmatched(CommandLine command, String argument) {
        if (argument.startsWith("-")) {
            return "unknown option " + argument;
        }
        if (!command.getSubcommands().isEmpty()) {
            return "unknown command " + argument + "; the commands are " + String.join(", ", command.getSubcommands().keySet());
        }
        List<PositionalParamSpec> positionals = command.getCommandSpec().positionalParameters();
        if (positionals.isEmpty() || positionals.get(0).getValue() == null) {
            return "unexpected argument " + argument;
        }
        return "give one " + positionals.get(0).paramLabel() + ", not " + positionals.get(0).getValue() + " and " + argument;
    }

    /** {@code value}, or a usage error "{@code option} needs a value" when it is blank. */
    static String nonBlank(CommandLine command, String option, String value) {
        if (value.isBlank()) {
            throw new ParameterException(command, option + " needs a value");
        }
        return value;
    }
}
