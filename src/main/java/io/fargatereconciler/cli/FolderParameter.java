package io.fargatereconciler.cli;

import io.fargatereconciler.desired.DesiredState;
import io.fargatereconciler.desired.DesiredStateLoader;
import io.fargatereconciler.desired.LoadResult;
import io.fargatereconciler.desired.LoadSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The desired-state folder every command of this package takes as its one parameter. */
final class FolderParameter {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Parameters(paramLabel = "FOLDER", description = "the desired-state folder, e.g. desired-state/")
    private Path folder;

    Path path() {
        return folder;
    }

    /** Whether it is a folder; when not, says so on stderr and the command exits with a usage error. */
    boolean isFolder() {
        if (Files.isDirectory(folder)) {
            return true;
        }
        command.commandLine().getErr().println(command.name() + ": " + folder + " is not a folder; name the desired-state"
                + " folder");
        return false;
    }

    /**
     * The desired state in the folder, loaded as the daemon loads it, when it is valid; otherwise empty after printing
     * its errors on stderr as {@code validate} does.
     */
    Optional<DesiredState> loadValid(InstantSource clock) {
        LoadResult result = new DesiredStateLoader(LoadSettings.DEFAULT, clock).load(folder);
        if (result instanceof LoadResult.Valid valid) {
            return Optional.of(valid.state());
        }
        command.commandLine().getErr().print(new ValidationReport(folder.toString(), result).text());
        return Optional.empty();
    }
}
