package io.fargatereconciler.plan.subnet;

import io.fargatereconciler.observe.ObservedCluster;
import io.fargatereconciler.observe.ObservedState;
import io.fargatereconciler.observe.ObservedTask;
import io.fargatereconciler.observe.StopCause;
import io.fargatereconciler.observe.StopClassifier;
import io.fargatereconciler.observe.TaskStatus;
import io.fargatereconciler.plan.Ownership;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one observation teaches the {@link SubnetHealthBook} (a pure function): every copy of ours that left
 * PROVISIONING since the cluster's last observation is a start (how long it took is a sample, and it proves its
 * subnet provisions ENIs); every copy that stops with an ENI or IP-exhaustion cause is a failure of its subnet, once;
 * every copy still in PROVISIONING past its subnet's stall threshold is a stall, counted as that subnet's failure at
 * once, long before ECS's own timeout would show it.
 */
public final class SubnetLearning {
    private SubnetLearning() {
    }

    /**
     * What was learnt.
     *
     * @param book     the book with this observation learnt
     * @param stalls   our tasks stalled in PROVISIONING now, by ARN (newly or already counted)
     * @param counted  the stalls counted for the first time in this observation (for metrics and logs)
     * @param stallsAt when each of our tasks still starting within its threshold would become stalled, by ARN
     * @param starting our tasks starting per subnet: in PROVISIONING, or started into that subnet alone and not listed
     */
    public record Learned(SubnetHealthBook book, Map<String, Stall> stalls, List<Stall> counted,
                          Map<String, Instant> stallsAt, Map<String, Integer> starting) {
        public Learned {
            stalls = Map.copyOf(stalls);
            counted = List.copyOf(counted);
            stallsAt = Map.copyOf(stallsAt);
            starting = Map.copyOf(starting);
        }

        /** Nothing observed: the book as it was. */
        public static Learned nothing(SubnetHealthBook book) {
            return new Learned(book, Map.of(), List.of(), Map.of(), Map.of());
        }
    }

    /** Learns from the tasks of {@code ownerId} in {@code observed} at {@code now}. */
    public static Learned learn(SubnetHealthBook book, ObservedState observed, String ownerId, Instant now) {
        StallSettings stall = book.settings().stall();
        Map<String, Instant> counted = new TreeMap<>(book.counted());
        counted.values().removeIf(at -> at.plus(SubnetHealthBook.REMEMBER_COUNTED).isBefore(now));
        Map<String, Instant> observedAt = new TreeMap<>(book.observedAt());
        Map<String, SubnetHealthBook.UnlistedStart> unlisted = new TreeMap<>(book.unlisted());
        unlisted.values().removeIf(start -> start.at().plus(stall.cap().multipliedBy(2)).isBefore(now));
        Map<String, List<ProvisioningTimes.Sample>> samples = new TreeMap<>();
        Map<String, Instant> lastStarted = new TreeMap<>();
        Map<String, List<ProvisioningTimes.Pending>> pending = new TreeMap<>();
        List<Starting> provisioning = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (ObservedCluster cluster : observed.clusters().values()) {
            Instant since = book.observedAt().get(cluster.cluster());
            for (ObservedTask task : cluster.tasks()) {
                unlisted.remove(task.taskArn());
                if (!Ownership.isOurs(ownerId, task) || task.subnetId() == null) {
                    continue;
                }
                Instant leftAt = leftProvisioningAt(task);
                if (leftAt != null && (since == null || leftAt.isAfter(since))) {
                    lastStarted.merge(task.subnetId(), leftAt, (a, b) -> a.isAfter(b) ? a : b);
                    if (task.createdAt() != null && !leftAt.isBefore(task.createdAt())) {
                        samples.computeIfAbsent(task.subnetId(), s -> new ArrayList<>()).add(
                                new ProvisioningTimes.Sample(task.createdAt(), Duration.between(task.createdAt(), leftAt)));
                    }
                }
                if (task.isProvisioning() && task.createdAt() != null) {
                    Duration age = Duration.between(task.createdAt(), cluster.observedAt());
                    pending.computeIfAbsent(task.subnetId(), s -> new ArrayList<>())
                            .add(new ProvisioningTimes.Pending(task.createdAt(), age.isNegative() ? Duration.ZERO : age));
                    provisioning.add(new Starting(task, cluster.cluster(), age));
                }
                failure(task, now).ifPresent(failures::add);
            }
            observedAt.put(cluster.cluster(), cluster.observedAt());
        }

        SubnetHealthBook next = new SubnetHealthBook(book.subnets(), book.account().with(
                samples.values().stream().flatMap(List::stream).toList(), stall.window()), counted, observedAt,
                unlisted, book.settings());
        for (Map.Entry<String, Instant> started : lastStarted.entrySet()) {
            SubnetHealth health = next.health(started.getKey());
            next = next.with(health.afterStarted(started.getValue(), samples.getOrDefault(started.getKey(), List.of()),
                    stall.subnetWindow()));
        }
        for (Failure failure : failures) {
            if (counted.putIfAbsent(failure.taskArn(), now) == null) {
                next = next.afterFailure(failure.subnetId(), failure.kind(), failure.reason(), failure.at(), now);
            }
        }

        Map<String, Stall> stalls = new HashMap<>();
        List<Stall> newlyCounted = new ArrayList<>();
        Map<String, Instant> stallsAt = new HashMap<>();
        if (stall.enabled()) {
            SubnetHealthBook learnt = next; // every task is judged against the starts known before any stall of now
            Map<String, StallThreshold> thresholds = new HashMap<>();
            for (Starting starting : provisioning) {
                String subnet = starting.task().subnetId();
                StallThreshold threshold = thresholds.computeIfAbsent(subnet,
                        s -> thresholdOf(learnt, s, pending));
                if (starting.age().compareTo(threshold.value()) <= 0) {
                    stallsAt.put(starting.task().taskArn(), starting.task().createdAt().plus(threshold.value()));
                    continue;
                }
                Stall found = new Stall(starting.task().taskArn(), starting.cluster(), subnet, starting.age(), threshold);
                stalls.put(found.taskArn(), found);
                if (counted.putIfAbsent(found.taskArn(), now) == null) {
                    next = next.afterFailure(subnet, SubnetFailureKind.ENI_PROVISIONING_STALLED, found.stopReason(),
                            now, now);
                    newlyCounted.add(found);
                }
            }
        }
        next = new SubnetHealthBook(next.subnets(), next.account(), counted, next.observedAt(), next.unlisted(),
                next.settings());
        return new Learned(next, stalls, newlyCounted, stallsAt, starting(provisioning, next.unlisted()));
    }

    /** The threshold for {@code subnet}, the tasks still starting in it and elsewhere counted as censored. */
    private static StallThreshold thresholdOf(SubnetHealthBook book, String subnet,
                                              Map<String, List<ProvisioningTimes.Pending>> pending) {
        List<ProvisioningTimes.Pending> elsewhere = new ArrayList<>();
        pending.forEach((other, tasks) -> {
            if (!other.equals(subnet)) {
                elsewhere.addAll(tasks);
            }
        });
        return book.stallThreshold(subnet, pending.getOrDefault(subnet, List.of()), elsewhere);
    }

    private static Map<String, Integer> starting(List<Starting> provisioning,
                                                 Map<String, SubnetHealthBook.UnlistedStart> unlisted) {
        Map<String, Integer> bySubnet = new TreeMap<>();
        provisioning.forEach(s -> bySubnet.merge(s.task().subnetId(), 1, Integer::sum));
        unlisted.values().forEach(u -> bySubnet.merge(u.subnetId(), 1, Integer::sum));
        return bySubnet;
    }

    /**
     * When the task's network interface became ready: {@code connectivityAt}, or for a task that reached RUNNING
     * without it being reported, {@code startedAt}; null while it has not (or never will).
     */
    private static Instant leftProvisioningAt(ObservedTask task) {
        if (task.connectivityAt() != null) {
            return task.connectivityAt();
        }
        return task.lastStatus() == TaskStatus.RUNNING || task.lastStatus().compareTo(TaskStatus.RUNNING) > 0
                ? task.startedAt() : null;
    }

    /**
     * A failure of the subnet, already while the task is on its way down: ECS sets the stopped reason when it gives
     * up on the ENI, and the planner relaunches as soon as the copy is no longer live, so the subnet must be known
     * bad by then.
     */
    private static Optional<Failure> failure(ObservedTask task, Instant now) {
        if (!task.isStopped() && task.desiredStatus() != TaskStatus.STOPPED) {
            return Optional.empty();
        }
        StopCause cause = task.stopCause() != null || task.stoppedReason() == null ? task.stopCause()
                : StopClassifier.classify(task.stopCode(), task.stoppedReason(), task.containers());
        Instant at = task.stoppedAt() != null ? task.stoppedAt() : now;
        return SubnetFailureKind.of(cause).map(kind -> new Failure(task.taskArn(), task.subnetId(), kind,
                task.stoppedReason(), at));
    }

    private record Starting(ObservedTask task, String cluster, Duration age) {
    }

    private record Failure(String taskArn, String subnetId, SubnetFailureKind kind, String reason, Instant at) {
    }
}
