package io.fargatereconciler.plan;

import io.fargatereconciler.desired.BackoffPolicy;
import io.fargatereconciler.desired.DesiredState;
import io.fargatereconciler.desired.Metadata;
import io.fargatereconciler.desired.Network;
import io.fargatereconciler.desired.RolloutPolicy;
import io.fargatereconciler.desired.SourceLocation;
import io.fargatereconciler.desired.TaskGroup;
import io.fargatereconciler.desired.TaskSpec;
import io.fargatereconciler.observe.ObservedCluster;
import io.fargatereconciler.observe.ObservedState;
import io.fargatereconciler.observe.ObservedTask;
import io.fargatereconciler.observe.StopCause;
import io.fargatereconciler.observe.TaskStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Builders for planner inputs; every task lives in cluster {@link #CLUSTER}. */
final class Fixtures {
    static final String CLUSTER = "prod";
    static final String OWNER = Ownership.DEFAULT_OWNER_ID;
    static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    static final BackoffPolicy NO_JITTER = new BackoffPolicy(BackoffPolicy.DEFAULT.initial(),
            BackoffPolicy.DEFAULT.max(), 2.0, false, BackoffPolicy.DEFAULT.resetAfter());

    private Fixtures() {
    }

    static TaskGroup group(String name, int replicas) {
        return group(name, replicas, "app:1", RolloutPolicy.DEFAULT, BackoffPolicy.DEFAULT);
    }

    static TaskGroup group(String name, int replicas, String taskDefinition, RolloutPolicy rollout,
                           BackoffPolicy backoff) {
        TaskSpec spec = new TaskSpec(CLUSTER, taskDefinition, null, null, null,
                new Network(List.of("subnet-a", "subnet-b"), List.of("sg-1"), false), null, null, null, false,
                backoff, null);
        return new TaskGroup(new Metadata(name, Map.of()), new SourceLocation("desired-state/" + name + ".yaml", 1, 1),
                spec, replicas, rollout);
    }

    static DesiredState desired(TaskGroup... groups) {
        return DesiredState.of(List.of(groups), T0);
    }

    static ObservedTask task(TaskGroup group, String arn, TaskStatus status, Instant createdAt) {
        return task(group, arn, status, group.task().specHash(), createdAt);
    }

    static ObservedTask task(TaskGroup group, String arn, TaskStatus status, String specHash, Instant createdAt) {
        Instant started = status == TaskStatus.RUNNING ? createdAt.plusSeconds(30) : null;
        return new ObservedTask(arn, CLUSTER, group.key(), specHash, OWNER, status, TaskStatus.RUNNING, createdAt,
                started, null, "subnet-a", null, null, null, List.of(), Map.of());
    }

    static ObservedTask running(TaskGroup group, String arn, Instant startedAt) {
        return new ObservedTask(arn, CLUSTER, group.key(), group.task().specHash(), OWNER, TaskStatus.RUNNING,
                TaskStatus.RUNNING, startedAt.minusSeconds(30), startedAt, null, "subnet-a", null, null, null,
                List.of(), Map.of());
    }

    static ObservedTask stopped(TaskGroup group, String arn, StopCause cause, Instant startedAt, Instant stoppedAt) {
        return new ObservedTask(arn, CLUSTER, group.key(), group.task().specHash(), OWNER, TaskStatus.STOPPED,
                TaskStatus.STOPPED, stoppedAt.minusSeconds(60), startedAt, stoppedAt, "subnet-b",
                "TaskFailedToStart", cause + " reason text", cause, List.of(), Map.of());
    }

    static ObservedState observed(Instant at, ObservedTask... tasks) {
        return observed(at, Arrays.asList(tasks));
    }

    static ObservedState observed(Instant at, List<ObservedTask> tasks) {
        return new ObservedState(Map.of(CLUSTER, new ObservedCluster(CLUSTER, new ArrayList<>(tasks), at)));
    }

    /** The memory of a daemon that has been running for an hour before {@link #T0}. */
    static PlannerMemory runningDaemon() {
        return PlannerMemory.initial(1).withStartedAt(T0.minusSeconds(3600));
    }

    static int launchedCount(Plan plan) {
        return plan.launches().stream().mapToInt(Launch::count).sum();
    }
}
