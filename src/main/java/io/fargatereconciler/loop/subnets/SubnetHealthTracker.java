package io.fargatereconciler.loop.subnets;

import io.fargatereconciler.aws.SubnetCapacity;
import io.fargatereconciler.observe.ObservedState;
import io.fargatereconciler.observe.ObservedTask;
import io.fargatereconciler.observe.StopCause;
import io.fargatereconciler.observe.StopClassifier;
import io.fargatereconciler.observe.TaskStatus;
import io.fargatereconciler.plan.Launch;
import io.fargatereconciler.plan.LaunchFailure;
import io.fargatereconciler.plan.LaunchResult;
import io.fargatereconciler.plan.subnet.SubnetFailureKind;
import io.fargatereconciler.plan.subnet.SubnetHealthBook;
import io.fargatereconciler.plan.subnet.SubnetHealthSettings;
import io.fargatereconciler.plan.subnet.TestEniOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the daemon's {@link SubnetHealthBook} up to date from what the loop sees: our tasks that stop with an ENI
 * or IP-exhaustion cause (each counted once, by ARN, as soon as ECS gives the reason), copies that reached RUNNING (a success in that subnet), RunTask
 * {@code failures[]} entries, EC2's free-IP counts and test-ENI outcomes. The reconcile thread writes; readers
 * (metrics, benchmarks) get immutable snapshots from {@link #book()}.
 */
public final class SubnetHealthTracker {
    private static final Pattern SUBNET_ID = Pattern.compile("subnet-[0-9a-f]+");
    /** Longer than ECS describes STOPPED tasks (at least 1 h), so a stopped task is never counted twice. */
    private static final Duration REMEMBER_STOPPED = Duration.ofHours(3);

    private final Map<String, Instant> countedStops = new HashMap<>();
    private volatile SubnetHealthBook book;

    public SubnetHealthTracker(SubnetHealthSettings settings) {
        this.book = SubnetHealthBook.empty(settings);
    }

    /** The current health of every subnet seen. */
    public SubnetHealthBook book() {
        return book;
    }

    /** Learns from one observation: new ENI/IP failures of stopped tasks, and copies RUNNING since a failure. */
    public synchronized void observed(ObservedState observed, Instant now) {
        countedStops.values().removeIf(seen -> seen.plus(REMEMBER_STOPPED).isBefore(now));
        SubnetHealthBook next = book;
        for (var cluster : observed.clusters().values()) {
            for (ObservedTask task : cluster.tasks()) {
                if (task.subnetId() == null) {
                    continue;
                }
                if (task.isStopped() || task.desiredStatus() == TaskStatus.STOPPED) {
                    Optional<SubnetFailureKind> kind = SubnetFailureKind.of(stopCause(task));
                    if (kind.isPresent() && countedStops.putIfAbsent(task.taskArn(), now) == null) {
                        Instant at = task.stoppedAt() != null ? task.stoppedAt() : now;
                        next = next.afterFailure(task.subnetId(), kind.get(), task.stoppedReason(), at, now);
                    }
                } else if (task.isRunning() && task.startedAt() != null) {
                    next = next.afterRunning(task.subnetId(), task.startedAt());
                }
            }
        }
        book = next;
    }

    /**
     * The stop cause, already while the task is on its way down: ECS sets the stopped reason when it gives up on the
     * ENI, and the planner relaunches as soon as the copy is no longer live, so the subnet must be known bad by then.
     */
    private static StopCause stopCause(ObservedTask task) {
        if (task.stopCause() != null || task.stoppedReason() == null) {
            return task.stopCause();
        }
        return StopClassifier.classify(task.stopCode(), task.stoppedReason(), task.containers());
    }

    /**
     * Learns from RunTask's {@code failures[]}: an ENI or IP-exhaustion entry counts against the subnet it names,
     * or against the launch's only subnet.
     */
    public synchronized void launched(Launch launch, LaunchResult result, Instant now) {
        SubnetHealthBook next = book;
        for (LaunchFailure failure : result.failures()) {
            Optional<SubnetFailureKind> kind = SubnetFailureKind.of(failure.cause());
            String text = failure.reason() + (failure.detail() == null ? "" : " (" + failure.detail() + ")");
            Matcher named = SUBNET_ID.matcher(text);
            String subnet = named.find() ? named.group() : launch.subnets().size() == 1 ? launch.subnets().get(0) : null;
            if (kind.isPresent() && subnet != null) {
                next = next.afterFailure(subnet, kind.get(), text, now, now);
            }
        }
        book = next;
    }

    public synchronized void freeIps(List<SubnetCapacity> subnets, Instant at) {
        SubnetHealthBook next = book;
        for (SubnetCapacity subnet : subnets) {
            next = next.withFreeIps(subnet.subnetId(), subnet.availableIps(), subnet.availabilityZone(), at);
        }
        book = next;
    }

    public synchronized void testEni(String subnetId, TestEniOutcome outcome) {
        book = book.withTestEni(subnetId, outcome);
    }
}
