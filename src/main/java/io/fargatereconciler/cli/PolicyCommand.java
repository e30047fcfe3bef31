package io.fargatereconciler.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fargatereconciler.desired.DesiredState;
import io.fargatereconciler.desired.S3Location;
import java.io.PrintWriter;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code policy FOLDER}: prints the least-privilege IAM policy for the reconciler's task role, derived from the
 * desired state (or, with {@code --stack-parameters}, the CloudFormation stack's parameters that grant the same).
 */
@Command(name = "policy", sortOptions = false, sortSynopsis = false,
        description = {"Prints the least-privilege IAM policy (JSON) for the reconciler's task role: RunTask only for the"
                + " task definitions and clusters the desired state in FOLDER names, sns:Publish on the topics it and its"
                + " Team documents name, iam:PassRole on the roles the Teams name, and SQS/DynamoDB/S3 statements only"
                + " for the features switched on. ARNs are in the partition of --region (aws-cn for cn-*, ...)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:printed", "1:invalid desired state (its errors are printed as by validate)",
                "2:usage error"})
public final class PolicyCommand implements Callable<Integer> {
    public static final int PRINTED = 0;
    public static final int INVALID = 1;
    public static final int USAGE_ERROR = ReconcilerCommandLine.USAGE_ERROR;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    private CommandSpec command;
    private String account;
    private String region;
    private List<String> passRoles = List.of();
    private List<String> topics = List.of();
    private String eventsQueue;
    private String stateTable;
    private S3Location s3Source;
    private String team;

    @Option(names = "--test-eni", order = 8, description = {"the test-ENI diagnosis is on (reconciler.diagnostics.test-eni=true):"
            + " create and delete tagged network interfaces in the desired state's subnets"})
    private boolean testEni;
    @Option(names = "--stack-parameters", order = 10, description = {"print the CloudFormation stack's parameters instead (KEY=VALUE"
            + " lines for aws cloudformation deploy --parameter-overrides), so the stack grants the same"})
    private boolean stackParameters;
    @Mixin
    private FolderParameter folder;
    @Mixin
    private HelpOption help;

    PolicyCommand() {
    }

    @Option(names = "--account", order = 1, paramLabel = "ID",
            description = "AWS account of the clusters and task definitions named by name (default: *)")
    void account(String id) {
        if (!id.matches("\\d{12}")) {
            throw new ParameterException(command.commandLine(), "--account must be a 12-digit AWS account id, not " + id);
        }
        account = id;
    }

    @Option(names = "--region", order = 2, paramLabel = "REGION", description = "their region (default: *)")
    void region(String name) {
        region = UsageErrors.nonBlank(command.commandLine(), "--region", name);
    }

    @Option(names = "--pass-role", order = 3, paramLabel = "ARN", description = {"a task or execution role of the managed task"
            + " definitions (repeatable), besides the Teams' spec.passRoles; with neither, a placeholder iam:PassRole"
            + " statement"})
    void passRoles(List<String> arns) {
        for (String arn : arns) {
            if (!arn.startsWith("arn:") || !arn.contains(":role/")) {
                throw new ParameterException(command.commandLine(), "--pass-role must be an IAM role ARN"
                        + " (arn:aws:iam::ACCOUNT:role/NAME), not " + arn);
            }
        }
        passRoles = List.copyOf(arns);
    }

    @Option(names = "--topic", order = 4, paramLabel = "ARN",
            description = "an SNS topic besides those the desired state names (repeatable)")
    void topics(List<String> arns) {
        arns.forEach(arn -> UsageErrors.nonBlank(command.commandLine(), "--topic", arn));
        topics = List.copyOf(arns);
    }

    @Option(names = "--events", order = 5, paramLabel = "QUEUE_ARN",
            description = "the SQS queue of ECS task-state events (reconciler.events.queue-url)")
    void eventsQueue(String arn) {
        eventsQueue = UsageErrors.nonBlank(command.commandLine(), "--events", arn);
    }

    @Option(names = {"--state-table", "--leader-table"}, order = 6, paramLabel = "TABLE_ARN", description = {"the DynamoDB state"
            + " table: lease, run ledger, launch intents (reconciler.state.table; --leader-table is its deprecated name)"})
    void stateTable(String arn) {
        stateTable = UsageErrors.nonBlank(command.commandLine(), "--state-table", arn);
    }

    @Option(names = "--s3-source", order = 7, paramLabel = "S3_URI", description = {"the daemon reads its desired state from"
            + " s3://bucket/prefix (reconciler.desired-state.path): s3:ListBucket on that prefix only, s3:GetObject on"
            + " the keys under it"})
    void s3Source(String uri) {
        if (!S3Location.isS3(uri)) {
            throw new ParameterException(command.commandLine(), "--s3-source must be an s3://bucket/prefix URI, not " + uri);
        }
        try {
            s3Source = S3Location.parse(uri).orElseThrow();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), "--s3-source: " + e.getMessage());
        }
    }

    @Option(names = "--team", order = 9, paramLabel = "NAME", description = {"only what the resources of team NAME need (its Team"
            + " document's topics and roles, its clusters and task definitions)"})
    void team(String name) {
        team = UsageErrors.nonBlank(command.commandLine(), "--team", name);
    }

    @Override
    public Integer call() {
        if (!folder.isFolder()) {
            return USAGE_ERROR;
        }
        Optional<DesiredState> loaded = folder.loadValid(InstantSource.system());
        if (loaded.isEmpty()) {
            return INVALID;
        }
        DesiredState state = loaded.get();
        PrintWriter out = command.commandLine().getOut();
        PrintWriter err = command.commandLine().getErr();
        if (team != null && !state.teams().containsKey(team)) {
            err.println("policy: no team " + team + " in " + folder.path() + (state.teams().isEmpty()
                    ? " (it holds no Team documents)" : "; its teams are " + String.join(", ", state.teams().keySet())));
            return USAGE_ERROR;
        }
        LeastPrivilegePolicy policy = new LeastPrivilegePolicy(state, new PolicyOptions(Optional.ofNullable(account),
                Optional.ofNullable(region), passRoles, topics, Optional.ofNullable(eventsQueue),
                Optional.ofNullable(stateTable), Optional.ofNullable(s3Source), testEni, Optional.ofNullable(team)));
        if (stackParameters) {
            policy.stackParameters().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(parameter ->
                    out.println(parameter.getKey() + "=" + String.join(",", parameter.getValue())));
        } else {
            try {
                out.println(JSON.writeValueAsString(policy.document()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a policy document always serializes", e);
            }
        }
        out.flush();
        policy.warnings().forEach(warning -> err.println("policy: warning: " + warning));
        return PRINTED;
    }
}
