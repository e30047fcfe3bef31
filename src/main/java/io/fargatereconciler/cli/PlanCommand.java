package io.fargatereconciler.cli;

import io.fargatereconciler.aws.EcsResult;
import io.fargatereconciler.aws.EcsTaskReader;
import io.fargatereconciler.aws.SdkEcsTaskReader;
import io.fargatereconciler.desired.DesiredState;
import io.fargatereconciler.desired.DesiredStateLoader;
import io.fargatereconciler.desired.LoadResult;
import io.fargatereconciler.desired.LoadSettings;
import io.fargatereconciler.observe.ObservedCluster;
import io.fargatereconciler.observe.ObservedState;
import io.fargatereconciler.observe.TaskObserver;
import io.fargatereconciler.plan.Plan;
import io.fargatereconciler.plan.Planner;
import io.fargatereconciler.plan.PlannerConfig;
import io.fargatereconciler.plan.PlannerMemory;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code plan FOLDER}: one read-only pass, like {@code terraform plan}: load and validate, observe each cluster with
 * ListTasks/DescribeTasks only, run the planner from a fresh memory and print what the daemon would do. It holds
 * only an {@link EcsTaskReader}, whose client refuses anything but those two calls, so it cannot launch or stop.
 */
public final class PlanCommand {
    public static final int NO_CHANGES = 0;
    public static final int FAILED = 1;
    public static final int CHANGES_PENDING = 2;
    public static final int USAGE_ERROR = 2;
    /** Nothing to launch or stop now, but some group is held short of its desired copies (see its "= wait" line). */
    public static final int HELD = 3;

    private PlanCommand() {
    }

    /** Runs the command with {@code args} (after the word {@code plan}); returns the exit status. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        return run(args, InstantSource.system(), out, err);
    }

    /** As {@link #run(List, PrintStream, PrintStream)}, planning at {@code clock}'s now (Job schedules depend on it). */
    static int run(List<String> args, InstantSource clock, PrintStream out, PrintStream err) {
        PlanArguments arguments = PlanArguments.parse(args);
        if (arguments instanceof PlanArguments.Help) {
            out.print(PlanArguments.USAGE);
            return NO_CHANGES;
        }
        if (arguments instanceof PlanArguments.Wrong wrong) {
            err.println("plan: " + wrong.problem());
            err.print(PlanArguments.USAGE);
            return USAGE_ERROR;
        }
        PlanArguments.Run run = (PlanArguments.Run) arguments;
        if (!Files.isDirectory(run.folder())) {
            err.println("plan: " + run.folder() + " is not a folder; name the desired-state folder");
            return USAGE_ERROR;
        }
        LoadResult result = new DesiredStateLoader(LoadSettings.DEFAULT, clock).load(run.folder());
        if (result instanceof LoadResult.Invalid) {
            err.print(new ValidationReport(run.folder().toString(), result).text());
            return FAILED;
        }
        DesiredState desired = ((LoadResult.Valid) result).state();
        try (SdkEcsTaskReader ecs = SdkEcsTaskReader.connect(run.endpoint(), run.ownerId())) {
            return planAgainst(desired, ecs, run, clock, out, err);
        } catch (IllegalStateException cannotConnect) {
            err.println("plan: " + cannotConnect.getMessage());
            return FAILED;
        }
    }

    private static int planAgainst(DesiredState desired, EcsTaskReader ecs, PlanArguments.Run run, InstantSource clock,
                                   PrintStream out, PrintStream err) {
        TaskObserver observer = new TaskObserver(ecs, clock);
        Map<String, ObservedCluster> clusters = new TreeMap<>();
        for (String cluster : desired.clusters()) {
            EcsResult<ObservedCluster> observed = observer.observe(cluster);
            if (!(observed instanceof EcsResult.Ok<ObservedCluster> ok)) {
                err.println("plan: cannot observe cluster " + cluster + ": " + observed.describe()
                        + "; check the endpoint, region and credentials, and that the role may ListTasks/DescribeTasks there");
                return FAILED;
            }
            clusters.put(cluster, ok.value());
        }
        PlannerConfig config = new PlannerConfig(run.ownerId(), PlannerConfig.DEFAULTS.maxStopsPerPass(),
                PlannerConfig.DEFAULTS.expectationTimeout(), PlannerConfig.DEFAULTS.launchBudget(),
                PlannerConfig.DEFAULTS.slowStartInitialBatch(), PlannerConfig.DEFAULTS.throttlePauseInitial(),
                PlannerConfig.DEFAULTS.throttlePauseMax(), PlannerConfig.DEFAULTS.rememberStoppedTasksFor());
        Instant now = clock.instant();
        Plan plan = new Planner(config).plan(desired, new ObservedState(clusters), PlannerMemory.initial(0), now);
        PlanReport report = new PlanReport(desired, plan, now);
        out.print(report.text(run.folder().toString()));
        out.flush();
        if (report.changesPending()) {
            return CHANGES_PENDING;
        }
        return report.held() ? HELD : NO_CHANGES;
    }
}
