package io.fargatereconciler.cli;

import io.fargatereconciler.aws.AccountInventory;
import io.fargatereconciler.aws.SdkAccountInventory;
import io.fargatereconciler.desired.DesiredState;
import io.fargatereconciler.desired.DesiredStateLoader;
import io.fargatereconciler.desired.LoadResult;
import io.fargatereconciler.desired.LoadSettings;
import io.fargatereconciler.desired.ValidationError;
import java.io.PrintWriter;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code validate FOLDER}: checks a desired-state folder exactly as the daemon loads it, for pull-request
 * pipelines; with {@code --against-aws} also that what it names exists in the account (read-only).
 */
@Command(name = "validate", sortOptions = false, sortSynopsis = false,
        description = {"Checks a desired-state folder as the daemon would load it and prints every error as"
                + " file:line:column field.path: message."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:valid", "1:invalid (or the account could not be asked, with --against-aws)", "2:usage error"})
public final class ValidateCommand implements Callable<Integer> {
    public static final int VALID = 0;
    public static final int INVALID = 1;
    public static final int USAGE_ERROR = ReconcilerCommandLine.USAGE_ERROR;

    @Spec
    private CommandSpec command;
    private boolean json;
    private Set<String> allowedClusters = Set.of();
    private int maxFileBytes = LoadSettings.DEFAULT_MAX_FILE_BYTES;

    @Option(names = "--against-aws", order = 4, description = {"also check, read-only, that every cluster, task definition"
            + " revision, subnet, security group, topic and role named exists in the account (and that task definitions"
            + " pass only roles their team allows); the permissions it needs are listed below"})
    private boolean againstAws;
    @Mixin
    private AwsEndpointOptions endpoint;
    @Mixin
    private FolderParameter folder;
    @Mixin
    private HelpOption help;

    ValidateCommand() {
    }

    @Option(names = "--output", order = 1, paramLabel = "text|json", description = "human-readable lines (default) or one JSON object")
    void output(String format) {
        if (!format.equals("text") && !format.equals("json")) {
            throw new ParameterException(command.commandLine(), "--output must be text or json, not " + format);
        }
        json = format.equals("json");
    }

    @Option(names = "--allowed-clusters", order = 2, paramLabel = "NAME,...", description = {"clusters resources may name,"
            + " comma-separated (default: any); use the daemon's reconciler.desired-state.allowed-clusters"})
    void allowedClusters(String names) {
        allowedClusters = Arrays.stream(names.split(",")).map(String::strip).filter(name -> !name.isEmpty())
                .collect(Collectors.toSet());
    }

    @Option(names = "--max-file-bytes", order = 3, paramLabel = "N",
            description = "refuse larger files (default " + LoadSettings.DEFAULT_MAX_FILE_BYTES + ", as the daemon)")
    void maxFileBytes(String bytes) {
        try {
            maxFileBytes = Integer.parseInt(bytes);
        } catch (NumberFormatException e) {
            maxFileBytes = 0;
        }
        if (maxFileBytes < 1 || maxFileBytes == Integer.MAX_VALUE) {
            throw new ParameterException(command.commandLine(), "--max-file-bytes must be a positive whole number of"
                    + " bytes, not " + bytes);
        }
    }

    @Override
    public Integer call() {
        if (!againstAws && endpoint.given()) {
            throw new ParameterException(command.commandLine(), "--endpoint-url and --region go with --against-aws");
        }
        if (!folder.isFolder()) {
            return USAGE_ERROR;
        }
        PrintWriter out = command.commandLine().getOut();
        LoadResult result = new DesiredStateLoader(new LoadSettings(maxFileBytes, allowedClusters), InstantSource.system())
                .load(folder.path());
        List<ValidationError> accountErrors = List.of();
        Optional<DesiredState> loaded = result instanceof LoadResult.Valid valid ? Optional.of(valid.state())
                : result instanceof LoadResult.PartlyValid partly ? Optional.of(partly.inForce().state())
                : Optional.empty();
        if (againstAws && loaded.isPresent()) {
            try (SdkAccountInventory aws = SdkAccountInventory.connect(endpoint.endpoint())) {
                accountErrors = AccountCheck.check(loaded.get(), aws);
            } catch (IllegalStateException cannotConnect) {
                command.commandLine().getErr().println("validate: " + cannotConnect.getMessage());
                return INVALID;
            }
        }
        ValidationReport report = new ValidationReport(folder.path().toString(), result, accountErrors);
        out.print(json ? report.json() : report.text());
        return report.valid() ? VALID : INVALID;
    }

    /** The help's last lines: what {@code --against-aws} calls, so a pipeline's role can be granted exactly that. */
    static String[] footer() {
        return Stream.concat(Stream.of("", "--against-aws needs these read-only permissions:"),
                AccountInventory.ACTIONS.stream().map(action -> "  " + action)).toArray(String[]::new);
    }
}
