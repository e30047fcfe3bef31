package io.fargatereconciler.loop;

import io.fargatereconciler.aws.EcsGateway;
import io.fargatereconciler.aws.EcsResult;
import io.fargatereconciler.aws.LaunchFailure;
import io.fargatereconciler.aws.LaunchOutcome;
import io.fargatereconciler.desired.DesiredResource;
import io.fargatereconciler.desired.DesiredState;
import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.observe.ObservedCluster;
import io.fargatereconciler.observe.ObservedState;
import io.fargatereconciler.observe.ObservedTask;
import io.fargatereconciler.observe.StopClassifier;
import io.fargatereconciler.observe.TaskObserver;
import io.fargatereconciler.plan.Action;
import io.fargatereconciler.plan.Launch;
import io.fargatereconciler.plan.Stop;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * One reconcile pass, as a chain of named steps: observe the clusters, record what was seen, plan, act, and feed
 * the results back to the planner. Stateless between passes except for what its collaborators remember.
 */
final class ReconcilePass {
    private static final Logger LOG = Logger.getLogger(ReconcilePass.class);

    private final TaskObserver observer;
    private final EcsGateway ecs;
    private final PlanningStep planner;
    private final GroupStatusBook status;
    private final PassRecorder recorder;
    private final InstantSource clock;
    private final LoopHealth health;

    ReconcilePass(TaskObserver observer, EcsGateway ecs, PlanningStep planner, GroupStatusBook status,
                  PassRecorder recorder, InstantSource clock, LoopHealth health) {
        this.observer = observer;
        this.ecs = ecs;
        this.planner = planner;
        this.status = status;
        this.recorder = recorder;
        this.clock = clock;
        this.health = health;
    }

    /**
     * Runs one pass over {@code clusters} of {@code desired}. Actions stop early when {@code stopping} turns true
     * (shutdown) or when ECS throttles or fails a call (the next pass re-plans). Returns the planner's requeue times.
     */
    Map<ResourceKey, Instant> run(DesiredState desired, Set<String> clusters, BooleanSupplier stopping) {
        status.desired(desired.taskGroups());
        ObservedState observed = observe(desired, clusters);
        PassPlan plan = planner.plan(desired, observed, clock.instant());
        plan.requeueAt().forEach(status::nextRetryAt);
        act(plan.actions(), stopping);
        return plan.requeueAt();
    }

    private ObservedState observe(DesiredState desired, Set<String> clusters) {
        Map<String, ObservedCluster> fresh = new HashMap<>();
        for (String cluster : new TreeSet<>(clusters)) {
            EcsResult<ObservedCluster> result = observer.observe(cluster);
            Instant now = clock.instant();
            if (result instanceof EcsResult.Ok<ObservedCluster> ok) {
                fresh.put(cluster, ok.value());
                recordObservation(desired, ok.value());
            } else {
                LOG.warnf("cluster=%s action=observe result=failed reason=\"%s\"; groups there wait for the next pass",
                        cluster, result.describe());
                if (result instanceof EcsResult.Throttled<ObservedCluster> throttled) {
                    recorder.throttled(throttled.operation());
                }
                planner.observationFailed(cluster, result, now);
                groupsIn(desired, cluster).forEach(group -> status.error(group, result.describe(), now));
            }
        }
        health.observed(fresh.keySet(), clusters, clock.instant());
        return new ObservedState(fresh);
    }

    private void recordObservation(DesiredState desired, ObservedCluster cluster) {
        Map<ResourceKey, List<ObservedTask>> byGroup = new HashMap<>();
        for (ObservedTask task : cluster.tasks()) {
            if (task.group() != null) {
                byGroup.computeIfAbsent(task.group(), g -> new ArrayList<>()).add(task);
            }
            if (task.isStopped() && task.group() != null) {
                recorder.taskStopped(task.group(), task.stopCause(), task.subnetId());
                LOG.infof("group=%s action=observe-stop task=%s cause=%s reason=\"%s\"", task.group(), task.taskArn(),
                        task.stopCause(), task.stoppedReason());
            }
        }
        for (ResourceKey group : groupsIn(desired, cluster.cluster())) {
            status.observed(group, byGroup.getOrDefault(group, List.of()), cluster.observedAt());
        }
    }

    private void act(List<Action> actions, BooleanSupplier stopping) {
        for (Action action : actions) {
            if (stopping.getAsBoolean()) {
                LOG.infof("action=skip count=%d reason=\"shutting down: nothing new is launched or stopped\"",
                        actions.size());
                return;
            }
            boolean ecsTroubled = action instanceof Launch launch ? launch(launch) : stop((Stop) action);
            if (ecsTroubled) {
                LOG.warn("action=pause reason=\"ECS throttled or unavailable; the remaining actions are re-planned next pass\"");
                return;
            }
        }
    }

    /** Returns true when ECS throttled or was unavailable. */
    private boolean launch(Launch launch) {
        EcsResult<LaunchOutcome> result = ecs.runTask(launch);
        Instant now = clock.instant();
        ResourceKey group = launch.group();
        if (result instanceof EcsResult.Ok<LaunchOutcome> ok) {
            List<String> arns = ok.value().started().stream().map(ObservedTask::taskArn).toList();
            observer.rememberLaunched(launch.task().cluster(), arns);
            for (String arn : arns) {
                status.event(group, new GroupEvent(now, "Launched", launch.reason(), arn));
            }
            for (LaunchFailure failure : ok.value().failures()) {
                String cause = GroupConditions.reasonFor(StopClassifier.classifyLaunchFailure(failure.reason()));
                status.event(group, new GroupEvent(now, "LaunchFailed", failure.reason(), failure.arn()));
                status.launchFailed(group, cause, "RunTask failure: " + failure.reason(), now);
            }
            String outcome = ok.value().failures().isEmpty() ? "ok" : arns.isEmpty() ? "failed" : "partial";
            recorder.launch(group, outcome, launch.count());
            LOG.infof("group=%s action=launch count=%d started=%d failures=%d result=%s subnets=%s token=%s reason=\"%s\"",
                    group, launch.count(), arns.size(), ok.value().failures().size(), outcome, launch.subnets(),
                    launch.clientToken(), launch.reason());
        } else {
            recordCallFailure(group, "launch", result, now);
            if (result instanceof EcsResult.Rejected<LaunchOutcome> rejected) {
                status.launchFailed(group, "LaunchRejected", result.describe(), now);
            }
            recorder.launch(group, resultName(result), launch.count());
            LOG.warnf("group=%s action=launch count=%d result=%s token=%s reason=\"%s\" error=\"%s\"", group,
                    launch.count(), resultName(result), launch.clientToken(), launch.reason(), result.describe());
        }
        planner.launched(launch, result, now);
        return isEcsTrouble(result);
    }

    private boolean stop(Stop stop) {
        EcsResult<ObservedTask> result = ecs.stopTask(stop);
        Instant now = clock.instant();
        recorder.stopRequested(stop.group(), resultName(result));
        if (result.isOk()) {
            status.event(stop.group(), new GroupEvent(now, "StopRequested", stop.reason(), stop.taskArn()));
            LOG.infof("group=%s action=stop task=%s result=ok reason=\"%s\"", stop.group(), stop.taskArn(), stop.reason());
        } else {
            recordCallFailure(stop.group(), "stop", result, now);
            LOG.warnf("group=%s action=stop task=%s result=%s reason=\"%s\" error=\"%s\"", stop.group(), stop.taskArn(),
                    resultName(result), stop.reason(), result.describe());
        }
        planner.stopped(stop, result, now);
        return isEcsTrouble(result);
    }

    private void recordCallFailure(ResourceKey group, String action, EcsResult<?> result, Instant now) {
        if (result instanceof EcsResult.Throttled<?> throttled) {
            recorder.throttled(throttled.operation());
        }
        status.error(group, action + ": " + result.describe(), now);
    }

    private static boolean isEcsTrouble(EcsResult<?> result) {
        return result instanceof EcsResult.Throttled<?> || result instanceof EcsResult.Unavailable<?>;
    }

    private static String resultName(EcsResult<?> result) {
        if (result instanceof EcsResult.Throttled<?>) {
            return "throttled";
        }
        if (result instanceof EcsResult.Unavailable<?>) {
            return "unavailable";
        }
        if (result instanceof EcsResult.Rejected<?>) {
            return "rejected";
        }
        return "ok";
    }

    private static List<ResourceKey> groupsIn(DesiredState desired, String cluster) {
        return desired.taskGroups().stream().filter(g -> g.task().cluster().equals(cluster))
                .map(DesiredResource::key).toList();
    }
}
