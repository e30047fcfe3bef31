package io.fargatereconciler.loop;

import io.fargatereconciler.aws.EcsGateway;
import io.fargatereconciler.aws.MutationRefused;
import io.fargatereconciler.desired.Kind;
import io.fargatereconciler.loop.leader.Leadership;
import io.fargatereconciler.loop.leader.NotLeaderException;
import io.fargatereconciler.loop.state.DurableState;
import io.fargatereconciler.loop.state.StateWriteRefused;
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
 * when the state table refuses this replica's launch intent (another replica leads: {@link StateWriteRefused}) or
 * cannot record it, and after a throttled or failed ECS call (the planner pauses the loop; the remaining actions are
 * re-planned next pass).
 */
final class ActionRunner {
    private static final Logger LOG = Logger.getLogger(ActionRunner.class);

    private final EcsGateway ecs;
    private final TaskObserver observer;
    private final GroupStatusBook status;
    private final PassRecorder recorder;
    private final InstantSource clock;
    private final Leadership leadership;
    private final DurableState durable;

    ActionRunner(ReconcilePassParts parts, InstantSource clock, DurableState durable) {
        this.durable = durable;
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
                DecisionLine.action("skip").with("count", actions.size() - i)
                        .quoted("reason", "shutting down: nothing new is launched or stopped").info(LOG);
                folded.accept(notSent(actions.subList(i, actions.size()), next, planner));
                return;
            }
            try {
                leadership.ensureLeader();
            } catch (NotLeaderException notLeader) {
                DecisionLine.action("skip").with("count", actions.size() - i)
                        .quoted("reason", notLeader.getMessage() + "; the leader acts, this replica only observes")
                        .warn(LOG);
                return;
            }
            boolean ecsTroubled;
            try {
                if (actions.get(i) instanceof Launch launch) {
                    if (!recordIntent(launch, actions.size() - i)) {
                        folded.accept(notSent(actions.subList(i, actions.size()), next, planner));
                        return;
                    }
                    LaunchResult result = ecs.runTask(launch);
                    if (launch.group().kind() == Kind.TaskGroup) {
                        durable.afterLaunch(launch, result);
                    }
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
                DecisionLine.action("skip").with("count", actions.size() - i).quoted("reason", refused.getMessage())
                        .warn(LOG);
                folded.accept(notSent(actions.subList(i, actions.size()), next, planner));
                return;
            } catch (StateWriteRefused deposed) {
                DecisionLine.action("skip").with("count", actions.size() - i - 1).quoted("reason", deposed.getMessage())
                        .warn(LOG);
                return;
            }
            if (ecsTroubled && i < actions.size() - 1) {
                DecisionLine.action("pause").with("skipped", actions.size() - i - 1).quoted("reason",
                        "ECS throttled or failed a call; the remaining actions are re-planned next pass").warn(LOG);
                folded.accept(notSent(actions.subList(i + 1, actions.size()), next, planner));
                return;
            }
        }
    }

    /**
     * Writes a TaskGroup launch's intent to the state store before its RunTask (a Job's run is already in the run
     * ledger). False when it could not be written: the call is not sent. Throws {@link StateWriteRefused} when the
     * store says another replica leads now.
     */
    private boolean recordIntent(Launch launch, int remaining) {
        if (launch.group().kind() != Kind.TaskGroup) {
            return true;
        }
        try {
            durable.beforeLaunch(launch, clock.instant());
            return true;
        } catch (StateWriteRefused deposed) {
            throw deposed;
        } catch (RuntimeException unavailable) {
            DecisionLine.group(launch.group(), "skip").with("count", remaining).quoted("reason", "the launch intent"
                    + " could not be recorded (" + unavailable.getMessage() + "), so RunTask is not sent; the next pass"
                    + " plans again").warn(LOG);
            return false;
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
            DecisionLine.group(launch.group(), "launch").with("count", launch.count())
                    .with("started", result.taskArns().size()).with("failures", result.failures().size())
                    .with("result", outcome).with("subnets", launch.subnets()).with("token", launch.clientToken())
                    .quoted("reason", launch.reason()).info(LOG);
        } else if (result.outcome() == LaunchResult.Outcome.TOKEN_CONFLICT && !result.taskArns().isEmpty()) {
            observer.rememberLaunched(launch.task().cluster(), result.taskArns()); // followed to their end
            DecisionLine.group(launch.group(), "launch").with("count", launch.count()).with("result", outcome)
                    .with("adopted", result.taskArns()).with("token", launch.clientToken())
                    .quoted("reason", launch.reason()).quoted("error", result.message()
                            + "; the tasks ECS named for this token are followed instead of launching again").info(LOG);
        } else {
            if (result.message() != null) {
                status.error(launch.group(), "launch: " + result.message(), now);
            }
            DecisionLine.group(launch.group(), "launch").with("count", launch.count()).with("result", outcome)
                    .with("token", launch.clientToken()).quoted("reason", launch.reason())
                    .quoted("error", result.message()).warn(LOG);
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
            DecisionLine.group(stop.group(), "stop").with("task", stop.taskArn()).with("result", "ok")
                    .quoted("reason", stop.reason()).info(LOG);
        } else {
            if (result.message() != null) {
                status.error(stop.group(), "stop: " + result.message(), now);
            }
            DecisionLine.group(stop.group(), "stop").with("task", stop.taskArn()).with("result", outcome)
                    .quoted("reason", stop.reason()).quoted("error", result.message()).warn(LOG);
        }
    }
}
