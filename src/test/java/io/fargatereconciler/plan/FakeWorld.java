package io.fargatereconciler.plan;

import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.observe.ObservedCluster;
import io.fargatereconciler.observe.ObservedState;
import io.fargatereconciler.observe.ObservedTask;
import io.fargatereconciler.observe.StopCause;
import io.fargatereconciler.observe.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A tiny, immutable stand-in for ECS that exercises the planner's logic over many passes (not a replacement for
 * the simulator): RunTask honours clientTokens as ECS does, ListTasks lags behind by {@code listLag}, copies
 * reach RUNNING after {@code startDelay} or, when {@link Faults#failsAt} says so, stop with an ENI timeout after
 * {@code failDelay}. Every operation returns the next world and its answer.
 */
record FakeWorld(Map<String, Copy> copies, Map<String, List<String>> tokens, int nextId, int runTaskCalls,
                 Settings settings) {

    /** When launches fail and calls are throttled; a pure function of the time and the call number. */
    interface Faults {
        Faults NONE = new Faults() { };

        default boolean failsAt(Instant now, int copyId) {
            return false;
        }

        default boolean throttles(Instant now, int callNumber) {
            return false;
        }
    }

    record Settings(Duration listLag, Duration startDelay, Duration failDelay, Faults faults) {
    }

    record Copy(String arn, ResourceKey group, String specHash, Instant createdAt, Instant runningAt,
                Instant stoppedAt, StopCause cause) {
        boolean liveAt(Instant now) {
            return stoppedAt == null || now.isBefore(stoppedAt);
        }

        boolean runningAt(Instant now) {
            return liveAt(now) && runningAt != null && !now.isBefore(runningAt);
        }
    }

    record Answer<T>(FakeWorld world, T result) {
    }

    static FakeWorld empty(Settings settings) {
        return new FakeWorld(Map.of(), Map.of(), 0, 0, settings);
    }

    Answer<LaunchResult> runTask(Launch launch, Instant now) {
        int call = runTaskCalls + 1;
        if (settings.faults().throttles(now, call)) {
            return new Answer<>(with(copies, tokens, nextId, call), LaunchResult.throttled("Rate exceeded"));
        }
        List<String> earlier = tokens.get(launch.clientToken());
        if (earlier != null) {
            if (earlier.size() != launch.count()) {
                return new Answer<>(with(copies, tokens, nextId, call), LaunchResult.tokenConflict("ConflictException"));
            }
            List<String> live = earlier.stream().filter(arn -> copies.get(arn).liveAt(now)).toList();
            LaunchResult result = live.isEmpty() ? LaunchResult.tokenReused(earlier) : LaunchResult.started(live, List.of());
            return new Answer<>(with(copies, tokens, nextId, call), result);
        }
        Map<String, Copy> nextCopies = new TreeMap<>(copies);
        List<String> arns = new ArrayList<>();
        int id = nextId;
        for (int i = 0; i < launch.count(); i++, id++) {
            String arn = String.format("arn:task/%06d", id);
            boolean fails = settings.faults().failsAt(now, id);
            nextCopies.put(arn, new Copy(arn, launch.group(), launch.task().specHash(), now,
                    fails ? null : now.plus(settings.startDelay()),
                    fails ? now.plus(settings.failDelay()) : null,
                    fails ? StopCause.ENI_PROVISIONING_TIMEOUT : null));
            arns.add(arn);
        }
        Map<String, List<String>> nextTokens = new TreeMap<>(tokens);
        nextTokens.put(launch.clientToken(), arns);
        return new Answer<>(with(nextCopies, nextTokens, id, call), LaunchResult.started(arns, List.of()));
    }

    Answer<StopResult> stopTask(Stop stop, Instant now) {
        Copy copy = copies.get(stop.taskArn());
        if (copy == null) {
            return new Answer<>(this, StopResult.notFound());
        }
        if (!copy.liveAt(now)) {
            return new Answer<>(this, StopResult.stopped());
        }
        return new Answer<>(stopped(copy.arn(), now, StopCause.STOPPED_BY_RECONCILER), StopResult.stopped());
    }

    /** A person or the platform stops a copy. */
    FakeWorld stopped(String arn, Instant now, StopCause cause) {
        Copy copy = copies.get(arn);
        Map<String, Copy> next = new TreeMap<>(copies);
        next.put(arn, new Copy(arn, copy.group(), copy.specHash(), copy.createdAt(), copy.runningAt(), now, cause));
        return with(next, tokens, nextId, runTaskCalls);
    }

    /** What the observer would report: copies created at least {@code listLag} ago, live or stopped. */
    ObservedState observe(String cluster, String owner, Instant now) {
        List<ObservedTask> tasks = copies.values().stream()
                .filter(c -> !c.createdAt().plus(settings.listLag()).isAfter(now))
                .map(c -> toTask(c, cluster, owner, now)).toList();
        return new ObservedState(Map.of(cluster, new ObservedCluster(cluster, tasks, now)));
    }

    long live(ResourceKey group, Instant now) {
        return copies.values().stream().filter(c -> c.group().equals(group) && c.liveAt(now)).count();
    }

    long running(ResourceKey group, Instant now) {
        return copies.values().stream().filter(c -> c.group().equals(group) && c.runningAt(now)).count();
    }

    long runningOfSpec(ResourceKey group, String specHash, Instant now) {
        return copies.values().stream()
                .filter(c -> c.group().equals(group) && c.specHash().equals(specHash) && c.runningAt(now)).count();
    }

    private static ObservedTask toTask(Copy c, String cluster, String owner, Instant now) {
        TaskStatus status = !c.liveAt(now) ? TaskStatus.STOPPED : c.runningAt(now) ? TaskStatus.RUNNING
                : TaskStatus.PROVISIONING;
        return new ObservedTask(c.arn(), cluster, c.group(), c.specHash(), owner, status,
                c.liveAt(now) ? TaskStatus.RUNNING : TaskStatus.STOPPED, c.createdAt(),
                startedAt(c, now),
                c.liveAt(now) ? null : c.stoppedAt(), "subnet-a", null,
                c.liveAt(now) ? null : String.valueOf(c.cause()), c.liveAt(now) ? null : c.cause(), List.of(), Map.of());
    }

    private static Instant startedAt(Copy c, Instant now) {
        Instant end = c.stoppedAt() == null || now.isBefore(c.stoppedAt()) ? now : c.stoppedAt();
        return c.runningAt() != null && !c.runningAt().isAfter(end) ? c.runningAt() : null;
    }

    private FakeWorld with(Map<String, Copy> nextCopies, Map<String, List<String>> nextTokens, int id, int calls) {
        return new FakeWorld(nextCopies, nextTokens, id, calls, settings);
    }
}
