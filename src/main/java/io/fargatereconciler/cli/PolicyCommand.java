package io.fargatereconciler.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fargatereconciler.desired.DesiredState;
import io.fargatereconciler.desired.DesiredStateLoader;
import io.fargatereconciler.desired.LoadResult;
import io.fargatereconciler.desired.LoadSettings;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code policy FOLDER}: prints the least-privilege IAM policy for the reconciler's task role, derived from the
 * desired state. Plain Java: it runs before Quarkus starts and opens no port.
 */
public final class PolicyCommand {
    public static final int PRINTED = 0;
    public static final int INVALID = 1;
    public static final int USAGE_ERROR = 2;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PolicyCommand() {
    }

    /** Runs the command with {@code args} (after the word {@code policy}); returns the exit status. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        PolicyArguments arguments = PolicyArguments.parse(args);
        if (arguments instanceof PolicyArguments.Help) {
            out.print(PolicyArguments.USAGE);
            return PRINTED;
        }
        if (arguments instanceof PolicyArguments.Wrong wrong) {
            err.println("policy: " + wrong.problem());
            err.print(PolicyArguments.USAGE);
            return USAGE_ERROR;
        }
        PolicyArguments.Run run = (PolicyArguments.Run) arguments;
        if (!Files.isDirectory(run.folder())) {
            err.println("policy: " + run.folder() + " is not a folder; name the desired-state folder");
            return USAGE_ERROR;
        }
        LoadResult result = new DesiredStateLoader(LoadSettings.DEFAULT, InstantSource.system()).load(run.folder());
        if (!(result instanceof LoadResult.Valid)) {
            err.print(new ValidationReport(run.folder().toString(), result).text());
            return INVALID;
        }
        DesiredState state = ((LoadResult.Valid) result).state();
        Optional<String> team = run.options().team();
        if (team.isPresent() && !state.teams().containsKey(team.get())) {
            err.println("policy: no team " + team.get() + " in " + run.folder() + (state.teams().isEmpty()
                    ? " (it holds no Team documents)" : "; its teams are " + String.join(", ", state.teams().keySet())));
            return USAGE_ERROR;
        }
        LeastPrivilegePolicy policy = new LeastPrivilegePolicy(state, run.options());
        if (run.stackParameters()) {
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
