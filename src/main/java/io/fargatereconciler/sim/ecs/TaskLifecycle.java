package io.fargatereconciler.sim.ecs;

import io.fargatereconciler.sim.LifecycleTimings;
import io.fargatereconciler.sim.ec2.Ec2State;
import io.fargatereconciler.sim.ec2.SimNetworkInterface;
import io.fargatereconciler.sim.world.Ids;
import io.fargatereconciler.sim.world.Timeline;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Moves tasks through PROVISIONING → PENDING → ACTIVATING → RUNNING → DEACTIVATING → STOPPING → DEPROVISIONING →
 * STOPPED as timed events, writing the stop codes and reasons Fargate writes. A transition scheduled before a stop
 * is dropped (each task carries an epoch that a stop increments). Runs under the simulation lock.
 */
public final class TaskLifecycle {
    private final Timeline timeline;
    private final Arns arns;
    private final LifecycleTimings timings;
    private final Duration retention;
    private final Ec2State ec2;
    private final Ids ids;
    private final TaskChangeObserver observer;
    private final Consumer<SimTask> forget;
    private final Random random;

    public TaskLifecycle(Timeline timeline, Arns arns, LifecycleTimings timings, Duration retention, Ec2State ec2, Ids ids,
                         TaskChangeObserver observer, Consumer<SimTask> forget, Random random) {
        this.timeline = timeline;
        this.arns = arns;
        this.timings = timings;
        this.retention = retention;
        this.ec2 = ec2;
        this.ids = ids;
        this.observer = observer;
        this.forget = forget;
        this.random = random;
    }

    /** Starts a freshly placed task in PROVISIONING and schedules the rest of its life according to {@code plan}. */
    public void launch(SimTask task, LaunchPlan plan, long now) {
        task.attachmentId = ids.uuid();
        task.doomed = plan.doomed();
        switch (plan.outcome()) {
            case IP_EXHAUSTED -> after(task, now, timings.ipExhaustionFailure(),
                    at -> failStart(task, at, StopReasons.ipExhausted(task.subnet().id()), null));
            case ENI_FAILURE -> after(task, now, timings.eniTimeout(),
                    at -> failStart(task, at, plan.eniFailureKind().stoppedReason(), null));
            case STARTS, IMAGE_PULL_FAILURE -> {
                task.privateIp = task.subnet().allocateIp();
                task.eniId = ids.eniId();
                task.macAddress = ids.macAddress();
                ec2.addInterface(new SimNetworkInterface(task.eniId, task.subnet(), task.privateIp, task.macAddress,
                        arns.attachment(task.attachmentId), true, List.of()));
                after(task, now, plan.provisioning(), at -> toPending(task, plan, at));
            }
            default -> throw new IllegalStateException("unknown outcome " + plan.outcome());
        }
        changed(task, now);
    }

    /**
     * Stops a task as StopTask does.
     *
     * @return false when the task was already stopping
     */
    public boolean stop(SimTask task, long now, String reason) {
        if (task.desiredStopped) {
            return false;
        }
        task.stopCode = StopReasons.USER_INITIATED;
        task.stoppedReason = reason == null || reason.isBlank() ? StopReasons.STOPPED_BY_USER_REASON : reason;
        beginStop(task, now);
        return true;
    }

    /** Makes the essential container exit with {@code exitCode} now, as a crash (or a finished job) does. */
    public boolean exit(SimTask task, long now, int exitCode) {
        if (task.desiredStopped || task.lastStatus != LifecycleStatus.RUNNING) {
            return false;
        }
        task.exitCodes = new int[task.definition().containers().size()];
        Arrays.fill(task.exitCodes, SimTask.NO_EXIT);
        task.exitCodes[essentialIndex(task)] = exitCode;
        task.stopCode = StopReasons.ESSENTIAL_CONTAINER_EXITED;
        task.stoppedReason = StopReasons.ESSENTIAL_CONTAINER_EXITED_REASON;
        beginStop(task, now);
        return true;
    }

    private void toPending(SimTask task, LaunchPlan plan, long at) {
        task.lastStatus = LifecycleStatus.PENDING;
        task.attachmentStatus = "ATTACHED";
        task.pullStartedAt = at;
        task.connectivityAt = at;
        changed(task, at);
        if (plan.outcome() == LaunchPlan.Outcome.IMAGE_PULL_FAILURE) {
            String image = task.definition().containers().get(essentialIndex(task)).image();
            after(task, at, plan.pending(),
                    a -> failStart(task, a, StopReasons.cannotPull(image), StopReasons.cannotPull(image)));
        } else {
            after(task, at, plan.pending(), a -> toActivating(task, plan, a));
        }
    }

    private void toActivating(SimTask task, LaunchPlan plan, long at) {
        task.lastStatus = LifecycleStatus.ACTIVATING;
        task.pullStoppedAt = at;
        changed(task, at);
        after(task, at, plan.activating(), a -> toRunning(task, plan, a));
    }

    private void toRunning(SimTask task, LaunchPlan plan, long at) {
        task.lastStatus = LifecycleStatus.RUNNING;
        task.startedAt = at;
        changed(task, at);
        if (plan.exitAfterMillis() >= 0) {
            after(task, at, Duration.ofMillis(plan.exitAfterMillis()), a -> exit(task, a, plan.exitCode()));
        }
    }

    private void failStart(SimTask task, long at, String reason, String containerReason) {
        task.stopCode = StopReasons.TASK_FAILED_TO_START;
        task.stoppedReason = reason;
        task.containerReason = containerReason;
        beginStop(task, at);
    }

    private void beginStop(SimTask task, long at) {
        task.epoch++;
        task.desiredStopped = true;
        task.stoppingAt = at;
        switch (task.lastStatus) {
            case RUNNING -> {
                task.lastStatus = LifecycleStatus.DEACTIVATING;
                changed(task, at);
                after(task, at, timings.deactivating().sample(random), a -> toStopping(task, a));
            }
            case PENDING, ACTIVATING -> toStopping(task, at);
            default -> toDeprovisioning(task, at);
        }
    }

    private void toStopping(SimTask task, long at) {
        task.lastStatus = LifecycleStatus.STOPPING;
        changed(task, at);
        after(task, at, timings.stopping().sample(random), a -> toDeprovisioning(task, a));
    }

    private void toDeprovisioning(SimTask task, long at) {
        task.executionStoppedAt = at;
        if (task.startedAt > 0) {
            if (task.exitCodes == null) {
                task.exitCodes = new int[task.definition().containers().size()];
                Arrays.fill(task.exitCodes, SimTask.NO_EXIT);
            }
            for (int i = 0; i < task.exitCodes.length; i++) {
                task.exitCodes[i] = task.exitCodes[i] == SimTask.NO_EXIT ? 0 : task.exitCodes[i];
            }
        }
        task.lastStatus = LifecycleStatus.DEPROVISIONING;
        if (task.eniId != null) {
            task.attachmentStatus = "DETACHING";
        }
        changed(task, at);
        after(task, at, timings.deprovisioning().sample(random), a -> toStopped(task, a));
    }

    private void toStopped(SimTask task, long at) {
        task.lastStatus = LifecycleStatus.STOPPED;
        task.stoppedAt = at;
        task.attachmentStatus = "DELETED";
        if (task.privateIp != null) {
            task.subnet().releaseIp(task.privateIp);
        }
        if (task.eniId != null) {
            ec2.removeInterface(task.eniId);
        }
        changed(task, at);
        timeline.schedule(at + retention.toMillis(), a -> forget.accept(task));
    }

    private void after(SimTask task, long from, Duration duration, Timeline.Action action) {
        int epoch = task.epoch;
        timeline.schedule(from + duration.toMillis(), at -> {
            if (task.epoch == epoch) {
                action.run(at);
            }
        });
    }

    private void changed(SimTask task, long at) {
        task.version++;
        observer.taskChanged(task, at);
    }

    private static int essentialIndex(SimTask task) {
        List<SimTaskDefinition.Container> containers = task.definition().containers();
        for (int i = 0; i < containers.size(); i++) {
            if (containers.get(i).essential()) {
                return i;
            }
        }
        return 0;
    }
}
