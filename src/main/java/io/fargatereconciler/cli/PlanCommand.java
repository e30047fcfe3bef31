package io.fargatereconciler.cli;

import io.fargatereconciler.aws.EcsResult;
import io.fargatereconciler.aws.EcsTaskReader;
import io.fargatereconciler.aws.SdkEcsTaskReader;
import io.fargatereconciler.desired.DesiredState;
import io.fargatereconciler.observe.ObservedCluster;
import io.fargatereconciler.observe.ObservedState;
import io.fargatereconciler.observe.TaskObserver;
import io.fargatereconciler.plan.Ownership;
import io.fargatereconciler.plan.Plan;
import io.fargatereconciler.plan.Planner;
import io.fargatereconciler.plan.PlannerConfig;
import io.fargatereconciler.plan.PlannerMemory;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code plan FOLDER}: one read-only pass, like {@code terraform plan}: load and validate, observe each cluster with
 * ListTasks/DescribeTasks only, run the planner from a fresh memory and print what the daemon would do. It holds
 * only an {@link EcsTaskReader}, whose client refuses anything but those two calls, so it cannot launch or stop.
 */
@Command(name = "plan", sortOptions = false, sortSynopsis = false,
        description = {"One read-only pass: loads and validates FOLDER, observes every cluster it names (ListTasks and"
                + " DescribeTasks only) and prints what the daemon would do per group, starting from a fresh memory.",
                "The ECS endpoint, region and credentials come from the standard AWS SDK settings (AWS_REGION,"
                + " AWS_PROFILE, AWS_ENDPOINT_URL_ECS...) unless given here."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:nothing to do", "1:invalid desired state, or an ECS error",
                "2:changes pending (something to launch or stop); also a usage error",
                "3:nothing to launch or stop now, but a group is held short of its copies (a \"= wait\" line says why)"})
public final class PlanCommand implements Callable<Integer> {
    public static final int NO_CHANGES = 0;
    public static final int FAILED = 1;
    public static final int CHANGES_PENDING = 2;
    public static final int USAGE_ERROR = ReconcilerCommandLine.USAGE_ERROR;
    /** Nothing to launch or stop now, but some group is held short of its desired copies (see its "= wait" line). */
    public static final int HELD = 3;

    private final InstantSource clock;
    @Spec
    private CommandSpec command;
    private String ownerId = Ownership.DEFAULT_OWNER_ID;

    @Mixin
    private AwsEndpointOptions endpoint;
    @Mixin
    private FolderParameter folder;
    @Mixin
    private HelpOption help;

    /** Plans at the system clock's now. */
    PlanCommand() {
        this(InstantSource.system());
    }

    /** Plans at {@code clock}'s now (Job schedules depend on it). */
    PlanCommand(InstantSource clock) {
        this.clock = clock;
    }

    @Option(names = "--owner-id", order = 7, paramLabel = "ID", description = {"the daemon's reconciler.owner-id, the startedBy of"
            + " its tasks (default " + Ownership.DEFAULT_OWNER_ID + ")"})
    void ownerId(String id) {
        if (id.length() > 128) {
            throw new ParameterException(command.commandLine(), "--owner-id must be at most 128 characters (the ECS"
                    + " startedBy limit)");
        }
        ownerId = UsageErrors.nonBlank(command.commandLine(), "--owner-id", id);
    }

    @Override
    public Integer call() {
        if (!folder.isFolder()) {
            return USAGE_ERROR;
        }
        Optional<DesiredState> desired = folder.loadValid(clock);
        if (desired.isEmpty()) {
            return FAILED;
        }
        try (SdkEcsTaskReader ecs = SdkEcsTaskReader.connect(endpoint.endpoint(), ownerId)) {
            return planAgainst(desired.get(), ecs);
        } catch (IllegalStateException cannotConnect) {
            command.commandLine().getErr().println("plan: " + cannotConnect.getMessage());
            return FAILED;
        }
    }

    private int planAgainst(DesiredState desired, EcsTaskReader ecs) {
        TaskObserver observer = new TaskObserver(ecs, clock);
        Map<String, ObservedCluster> clusters = new TreeMap<>();
        for (String cluster : desired.clusters()) {
            EcsResult<ObservedCluster> observed = observer.observe(cluster);
            if (!(observed instanceof EcsResult.Ok<ObservedCluster> ok)) {
                command.commandLine().getErr().println("plan: cannot observe cluster " + cluster + ": " + observed.describe()
                        + "; check the endpoint, region and credentials, and that the role may ListTasks/DescribeTasks there");
                return FAILED;
            }
            clusters.put(cluster, ok.value());
        }
        PlannerConfig config = new PlannerConfig(ownerId, PlannerConfig.DEFAULTS.maxStopsPerPass(),
                PlannerConfig.DEFAULTS.expectationTimeout(), PlannerConfig.DEFAULTS.launchBudget(),
                PlannerConfig.DEFAULTS.slowStartInitialBatch(), PlannerConfig.DEFAULTS.throttlePauseInitial(),
                PlannerConfig.DEFAULTS.throttlePauseMax(), PlannerConfig.DEFAULTS.rememberStoppedTasksFor());
        Instant now = clock.instant();
        Plan plan = new Planner(config).plan(desired, new ObservedState(clusters), PlannerMemory.initial(0), now);
        PlanReport report = new PlanReport(desired, plan, now);
        command.commandLine().getOut().print(report.text(folder.path().toString()));
        if (report.changesPending()) {
            return CHANGES_PENDING;
        }
        return report.held() ? HELD : NO_CHANGES;
    }
}
