package io.fargatereconciler.cli;

import io.fargatereconciler.aws.SdkAccountInventory;
import io.fargatereconciler.desired.DesiredState;
import io.fargatereconciler.desired.DesiredStateLoader;
import io.fargatereconciler.desired.LoadResult;
import io.fargatereconciler.desired.ValidationError;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * {@code validate FOLDER}: checks a desired-state folder exactly as the daemon loads it, for pull-request
 * pipelines; with {@code --against-aws} also that what it names exists in the account (read-only). Plain Java: it
 * runs before Quarkus starts and opens no port.
 */
public final class ValidateCommand {
    public static final int VALID = 0;
    public static final int INVALID = 1;
    public static final int USAGE_ERROR = 2;

    private ValidateCommand() {
    }

    /** Runs the command with {@code args} (after the word {@code validate}); returns the exit status. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        ValidateArguments arguments = ValidateArguments.parse(args);
        if (arguments instanceof ValidateArguments.Help) {
            out.print(ValidateArguments.USAGE);
            return VALID;
        }
        if (arguments instanceof ValidateArguments.Wrong wrong) {
            err.println("validate: " + wrong.problem());
            err.print(ValidateArguments.USAGE);
            return USAGE_ERROR;
        }
        ValidateArguments.Run run = (ValidateArguments.Run) arguments;
        if (!Files.isDirectory(run.folder())) {
            err.println("validate: " + run.folder() + " is not a folder; name the desired-state folder to check");
            return USAGE_ERROR;
        }
        LoadResult result = new DesiredStateLoader(run.settings(), InstantSource.system()).load(run.folder());
        List<ValidationError> accountErrors = List.of();
        Optional<DesiredState> loaded = result instanceof LoadResult.Valid valid ? Optional.of(valid.state())
                : result instanceof LoadResult.PartlyValid partly ? Optional.of(partly.inForce().state())
                : Optional.empty();
        if (run.againstAws().isPresent() && loaded.isPresent()) {
            try (SdkAccountInventory aws = SdkAccountInventory.connect(run.againstAws().get())) {
                accountErrors = AccountCheck.check(loaded.get(), aws);
            } catch (IllegalStateException cannotConnect) {
                err.println("validate: " + cannotConnect.getMessage());
                return INVALID;
            }
        }
        ValidationReport report = new ValidationReport(run.folder().toString(), result, accountErrors);
        out.print(run.json() ? report.json() : report.text());
        out.flush();
        return report.valid() ? VALID : INVALID;
    }
}
