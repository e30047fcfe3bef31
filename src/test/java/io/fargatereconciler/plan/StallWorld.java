package io.fargatereconciler.plan;

import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.observe.ContainerExit;
import io.fargatereconciler.observe.ObservedCluster;
import io.fargatereconciler.observe.ObservedState;
import io.fargatereconciler.observe.ObservedTask;
import io.fargatereconciler.observe.StopCause;
import io.fargatereconciler.observe.StopClassifier;
import io.fargatereconciler.observe.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small ECS for stall properties, at the level of our records (not a replacement for the simulator): each task's
 * start-up is drawn when RunTask places it: how long it stays in PROVISIONING (from a list of durations, in turn), or
 * forever when its subnet is silent (then ECS stops it at its 3-minute ENI timeout); PENDING lasts 10 s; a Job's
 * task exits 0 after two minutes of RUNNING. StopTask sets the desired status at once and STOPPED 10 s later; a task
 * keeps moving on its own until then, so a stop can land after it left PROVISIONING. RunTask honours clientTokens.
 * Mutable, used by one property run.
 */
final class StallWorld {
    static final Duration ENI_TIMEOUT = Duration.ofMinutes(3);
    static final Duration PENDING = Duration.ofSeconds(10);
    static final Duration STOPPING = Duration.ofSeconds(10);
    static final Duration JOB_RUNS_FOR = Duration.ofMinutes(2);

    /** One task, with its whole fate. */
    static final class Task {
        final String arn;
        final ResourceKey group;
        final String specHash;
        final Map<String, String> tags;
        final String subnet;
        final Instant createdAt;
        final Instant connectivityAt; // null: its ENI never comes
        Instant desiredStoppedAt;
        String stopReason;

        Task(String arn, Launch launch, String subnet, Instant createdAt, Instant connectivityAt) {
            this.arn = arn;
            this.group = launch.group();
            this.specHash = launch.task().specHash();
            Map<String, String> all = new HashMap<>(launch.extraTags());
            all.put(Ownership.GROUP_TAG, launch.group().toString());
            all.put(Ownership.SPEC_HASH_TAG, specHash);
            this.tags = Map.copyOf(all);
            this.subnet = subnet;
            this.createdAt = createdAt;
            this.connectivityAt = connectivityAt;
        }

        Instant runningAt() {
            return connectivityAt == null ? null : connectivityAt.plus(PENDING);
        }

        /** When its start or run ended by itself: the ENI timeout, or a Job's exit; null while it would go on. */
        Instant endsByItselfAt() {
            if (connectivityAt == null) {
                return createdAt.plus(ENI_TIMEOUT);
            }
            return group.kind() == io.fargatereconciler.desired.Kind.Job ? runningAt().plus(JOB_RUNS_FOR) : null;
        }

        Instant stoppedAt() {
            Instant byItself = endsByItselfAt();
            Instant byStop = desiredStoppedAt == null ? null : desiredStoppedAt.plus(STOPPING);
            if (byItself != null && (desiredStoppedAt == null || byItself.isBefore(desiredStoppedAt))) {
                return byItself;
            }
            return byStop;
        }

        boolean stoppedByItself() {
            Instant byItself = endsByItselfAt();
            return byItself != null && (desiredStoppedAt == null || byItself.isBefore(desiredStoppedAt));
        }

        /** Live and meant to stay so: not asked to stop and not ended by itself. */
        boolean liveAt(Instant now) {
            boolean ended = stoppedByItself() && !now.isBefore(endsByItselfAt());
            boolean asked = desiredStoppedAt != null && !now.isBefore(desiredStoppedAt);
            return !ended && !asked;
        }

        /** Whether its containers ever started by {@code now}. */
        boolean reachedRunningBy(Instant now) {
            Instant running = runningAt();
            if (running == null || now.isBefore(running)) {
                return false;
            }
            return desiredStoppedAt == null || running.isBefore(desiredStoppedAt);
        }
    }

    private final List<Duration> provisioning;
    private final List<String> silentSubnets;
    private final Instant silentUntil;
    private final Map<String, Task> tasks = new LinkedHashMap<>();
    private final Map<String, List<String>> tokens = new HashMap<>();
    private int placed;

    StallWorld(List<Duration> provisioning, List<String> silentSubnets, Instant silentUntil) {
        this.provisioning = List.copyOf(provisioning);
        this.silentSubnets = List.copyOf(silentSubnets);
        this.silentUntil = silentUntil;
    }

    LaunchResult runTask(Launch launch, Instant now) {
        List<String> earlier = tokens.get(launch.clientToken());
        if (earlier != null) {
            List<String> live = earlier.stream().filter(arn -> tasks.get(arn).liveAt(now)).toList();
            return live.isEmpty() ? LaunchResult.tokenReused(earlier) : LaunchResult.started(live, List.of());
        }
        List<String> arns = new ArrayList<>();
        for (int i = 0; i < launch.count(); i++) {
            int n = placed++;
            String subnet = launch.subnets().get(n % launch.subnets().size());
            boolean silent = silentSubnets.contains(subnet) && now.isBefore(silentUntil);
            Instant connectivity = silent ? null : now.plus(provisioning.get(n % provisioning.size()));
            String arn = String.format("arn:task/%05d", n);
            tasks.put(arn, new Task(arn, launch, subnet, now, connectivity));
            arns.add(arn);
        }
        tokens.put(launch.clientToken(), arns);
        return LaunchResult.started(arns, List.of());
    }

    StopResult stopTask(Stop stop, Instant now) {
        Task task = tasks.get(stop.taskArn());
        if (task == null) {
            return StopResult.notFound();
        }
        if (task.desiredStoppedAt == null && task.liveAt(now)) {
            task.desiredStoppedAt = now;
            task.stopReason = StopClassifier.OWN_STOP_PREFIX + stop.reason();
        }
        return StopResult.stopped();
    }

    /** Every task as DescribeTasks would show it at {@code now} (stopped ones too: the planner counts each once). */
    ObservedState observe(String cluster, String owner, Instant now) {
        List<ObservedTask> observed = new ArrayList<>();
        for (Task task : tasks.values()) {
            observed.add(describe(task, cluster, owner, now));
        }
        return new ObservedState(Map.of(cluster, new ObservedCluster(cluster, observed, now)));
    }

    /** Live tasks of {@code group} now. */
    long live(ResourceKey group, Instant now) {
        return tasks.values().stream().filter(t -> t.group.equals(group) && t.liveAt(now)).count();
    }

    /** How many tasks of each Job run (its run tag) reached RUNNING by {@code now}. */
    Map<String, Integer> runningTasksByRun(Instant now) {
        Map<String, Integer> byRun = new HashMap<>();
        tasks.values().stream().filter(t -> t.tags.containsKey(Ownership.JOB_RUN_TAG) && t.reachedRunningBy(now))
                .forEach(t -> byRun.merge(t.tags.get(Ownership.JOB_RUN_TAG), 1, Integer::sum));
        return byRun;
    }

    List<Task> tasks() {
        return List.copyOf(tasks.values());
    }

    private static ObservedTask describe(Task task, String cluster, String owner, Instant now) {
        Instant stoppedAt = task.stoppedAt();
        boolean stopped = stoppedAt != null && !now.isBefore(stoppedAt);
        boolean stopping = !stopped && task.desiredStoppedAt != null && !now.isBefore(task.desiredStoppedAt);
        boolean running = task.reachedRunningBy(now);
        boolean connected = task.connectivityAt != null && !now.isBefore(task.connectivityAt)
                && (task.desiredStoppedAt == null || task.connectivityAt.isBefore(task.desiredStoppedAt));
        TaskStatus status = stopped ? TaskStatus.STOPPED : stopping ? TaskStatus.DEPROVISIONING
                : running ? TaskStatus.RUNNING : connected ? TaskStatus.PENDING : TaskStatus.PROVISIONING;
        String reason = null;
        String stopCode = null;
        List<ContainerExit> containers = List.of();
        if (stopped || stopping) {
            if (task.stoppedByItself()) {
                boolean exited = task.connectivityAt != null;
                stopCode = exited ? "EssentialContainerExited" : "TaskFailedToStart";
                reason = exited ? "Essential container in task exited"
                        : "Timeout waiting for network interface provisioning to complete.";
                containers = exited ? List.of(new ContainerExit("app", true, 0, null)) : List.of();
            } else {
                stopCode = "UserInitiated";
                reason = task.stopReason;
            }
        }
        StopCause cause = reason == null ? null : StopClassifier.classify(stopCode, reason, containers);
        return new ObservedTask(task.arn, cluster, task.group, task.specHash, owner, status,
                stopped || stopping ? TaskStatus.STOPPED : TaskStatus.RUNNING, task.createdAt,
                running ? task.runningAt() : null, stopped ? stoppedAt : null, task.subnet, stopCode, reason, cause,
                containers, task.tags, connected ? task.connectivityAt : null);
    }
}
