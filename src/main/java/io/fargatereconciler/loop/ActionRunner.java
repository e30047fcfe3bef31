package io.fargatereconciler.loop;

import io.fargatereconciler.aws.EcsGateway;
import io.fargatereconciler.aws.MutationRefused;
import io.fargatereconciler.loop.leader.Leadership;
import io.fargatereconciler.loop.leader.NotLeaderException;
import io.fargatereconciler.observe.StopClassifier;
import io.fargatereconciler.observe.TaskObserver;
import io.fargatereconciler.plan.Action;
import io.fargatereconciler.plan.Launch;
import io.fargatereconciler.plan.LaunchFailure;
import io.fargatereconciler.plan.LaunchResult;
import io.fargatereconciler.plan.Planner;
import io.fargatereconciler.plan.PlannerMemory;
import io.fargatereconciler.plan.Stop;
import io.fargatereconciler.plan.StopResult;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Carries out a plan's actions through the gateway, in order, folding each result into the planner's memory and
 * logging one line per decision. Stops early on shutdown, when this replica stops leading (checked right before every
 * RunTask and StopTask, and by the gateway again before every attempt of one, retries included: {@link MutationRefused}),
 * and after a throttled or failed ECS call (the planner pauses the loop; the remaining actions are re-planned next
 * pass).
 */
final class ActionRunner {
    private static final Logger LOG = Logger.getLogger(ActionRunner.class);

    private final EcsGateway ecs;
    private final TaskObserver observer;
    private final GroupStatusBook status;
    private final PassRecorder recorder;
    private final InstantSource clock;
    private final Leadership leadership;

    ActionRunner(ReconcilePassParts parts, InstantSource clock) {
        this.ecs = parts.ecs();
        this.observer = parts.observer();
        this.status = parts.status();
        this.recorder = parts.recorder();
        this.clock = clock;
        this.leadership = parts.leadership();
    }

    /**
     * Carries out {@code actions} from {@code memory}, handing the memory with each result folded in to
     * {@code folded} right after that action, so a pass cut short by an unexpected error keeps what it learned.
     */
    void run(List<Action> actions, PlannerMemory memory, Planner planner, BooleanSupplier stopping,
             Consumer<PlannerMemory> folded) {
        PlannerMemory next = memory;
        for (int i = 0; i < actions.size(); i++) {
            if (stopping.getAsBoolean()) {
                LOG.infof("action=skip count=%d reason=\"shutting down: nothing new is launched or stopped\"",
                        actions.size() - i);
                folded.accept(notSent(actions.subList(i, actions.size()), next, planner));
                return;
            }
            try {
                leadership.ensureLeader();
            } catch (NotLeaderException notLeader) {
                LOG.warnf("action=skip count=%d reason=\"%s; the leader acts, this replica only observes\"",
                        actions.size() - i, notLeader.getMessage());
                return;
            }
            boolean ecsTroubled;
            try {
                if (actions.get(i) instanceof Launch launch) {
                    LaunchResult result = ecs.runTask(launch);
                    next = planner.afterLaunch(next, launch, result, clock.instant());
                    folded.accept(next);
                    record(launch, result);
                    ecsTroubled = result.outcome() == LaunchResult.Outcome.THROTTLED
                            || result.outcome() == LaunchResult.Outcome.SERVER_ERROR;
                } else {
                    Stop stop = (Stop) actions.get(i);
                    StopResult result = ecs.stopTask(stop);
                    next = planner.afterStop(next, stop, result, clock.instant());
                    folded.accept(next);
                    record(stop, result);
                    ecsTroubled = result.outcome() == StopResult.Outcome.THROTTLED
                            || result.outcome() == StopResult.Outcome.SERVER_ERROR;
                }
            } catch (MutationRefused refused) {
                LOG.warnf("action=skip count=%d reason=\"%s\"", actions.size() - i, refused.getMessage());
                folded.accept(notSent(actions.subList(i, actions.size()), next, planner));
                return;
            }
            if (ecsTroubled && i < actions.size() - 1) {
                LOG.warnf("action=pause skipped=%d reason=\"ECS throttled or failed a call; the remaining actions are "
                        + "re-planned next pass\"", actions.size() - i - 1);
                folded.accept(notSent(actions.subList(i + 1, actions.size()), next, planner));
                return;
            }
        }
    }

    /** Tells the planner which launches were not sent, so a Job re-sends its attempt soon rather than waiting it out. */
    private PlannerMemory notSent(List<Action> skipped, PlannerMemory memory, Planner planner) {
        PlannerMemory next = memory;
        for (Action action : skipped) {
            if (action instanceof Launch launch) {
                next = planner.afterNotSent(next, launch, clock.instant());
            }
        }
        return next;
    }

    private void record(Launch launch, LaunchResult result) {
        Instant now = clock.instant();
        String outcome = result.outcome().name().toLowerCase(Locale.ROOT);
        recorder.launch(launch.group(), outcome, launch.count());
        if (result.outcome() == LaunchResult.Outcome.THROTTLED) {
            recorder.throttled("RunTask");
        }
        if (result.outcome() == LaunchResult.Outcome.STARTED) {
            observer.rememberLaunched(launch.task().cluster(), result.taskArns());
            result.taskArns().forEach(arn -> status.event(launch.group(), new GroupEvent(now, "Launched", launch.reason(), arn)));
            for (LaunchFailure failure : result.failures()) {
                String reason = failure.reason() + (failure.detail() == null ? "" : " (" + failure.detail() + ")");
                status.event(launch.group(), new GroupEvent(now, "LaunchFailed", reason, failure.arn()));
                status.error(launch.group(), "RunTask failure: " + reason, now);
            }
            LOG.infof("group=%s action=launch count=%d started=%d failures=%d result=%s subnets=%s token=%s reason=\"%s\"",
                    launch.group(), launch.count(), result.taskArns().size(), result.failures().size(), outcome,
                    launch.subnets(), launch.clientToken(), launch.reason());
        } else {
            if (result.message() != null) {
                status.error(launch.group(), "launch: " + result.message(), now);
            }
            LOG.warnf("group=%s action=launch count=%d result=%s token=%s reason=\"%s\" error=\"%s\"", launch.group(),
                    launch.count(), outcome, launch.clientToken(), launch.reason(), result.message());
        }
    }

    private void record(Stop stop, StopResult result) {
        Instant now = clock.instant();
        String outcome = result.outcome().name().toLowerCase(Locale.ROOT);
        recorder.stopRequested(stop.group(), outcome);
        if (result.outcome() == StopResult.Outcome.STOPPED && stop.reason().startsWith(StopClassifier.STALL_STOP_REASON)) {
            recorder.stallStopped(stop.group());
        }
        if (result.outcome() == StopResult.Outcome.THROTTLED) {
            recorder.throttled("StopTask");
        }
        if (result.outcome() == StopResult.Outcome.STOPPED) {
            status.event(stop.group(), new GroupEvent(now, "StopRequested", stop.reason(), stop.taskArn()));
            LOG.infof("group=%s action=stop task=%s result=ok reason=\"%s\"", stop.group(), stop.taskArn(), stop.reason());
        } else {
            if (result.message() != null) {
                status.error(stop.group(), "stop: " + result.message(), now);
            }
            LOG.warnf("group=%s action=stop task=%s result=%s reason=\"%s\" error=\"%s\"", stop.group(), stop.taskArn(),
                    outcome, stop.reason(), result.message());
        }
    }
}
