package io.fargatereconciler.loop;

import io.fargatereconciler.plan.LaunchBudget;
import io.fargatereconciler.plan.Ownership;
import io.fargatereconciler.plan.PlannerConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The reconcile loop's settings, under {@code reconciler.}. */
@ConfigMapping(prefix = "reconciler")
public interface LoopConfig {
    /** startedBy on every task we launch, and the ListTasks filter: at most 128 characters, unique per daemon fleet. */
    @WithDefault(Ownership.DEFAULT_OWNER_ID)
    String ownerId();

    Loop loop();

    Status status();

    Planning planner();

    Orphans orphans();

    /** The planner's settings from this configuration. */
    default PlannerConfig plannerConfig() {
        Planning p = planner();
        return new PlannerConfig(ownerId(), p.maxStopsPerPass(), p.expectationTimeout(),
                LaunchBudget.Limits.belowAccount(p.accountRunTaskCallsPerSecond(), p.accountRunTaskCallBurst(),
                        p.accountTasksPerSecond(), p.accountTaskBurst(), p.launchReserve(),
                        p.launchRateIncreasePerMinute()),
                p.slowStartInitialBatch(), p.throttlePauseInitial(), p.throttlePauseMax(), p.rememberStoppedTasksFor(),
                orphans().stopAfter().orElse(null));
    }

    interface Loop {
        /** Run the loop's own thread at start. Off: passes run only when called (tests on virtual time, standby). */
        @WithDefault("true")
        boolean enabled();

        /** A full pass over every group at least this often, whatever events say. */
        @WithDefault("30s")
        Duration resyncInterval();

        /** Each resync is moved by a random share of the interval up to this (0.1 = ±10 %), so replicas spread out. */
        @WithDefault("0.1")
        double resyncJitter();

        /** Liveness fails when no pass completed within this many resync intervals. */
        @WithDefault("4")
        int stuckAfterResyncs();

        /** On shutdown, how long to wait for the pass in flight to finish its current call. */
        @WithDefault("10s")
        Duration shutdownGrace();
    }

    /** The planner's limits; defaults are {@code PlannerConfig.DEFAULTS}. */
    interface Planning {
        /** StopTask calls one pass may make, over all groups. */
        @WithDefault("10")
        int maxStopsPerPass();

        /** How long a launched copy ECS does not list yet still counts as live (ListTasks lag, a lost answer). */
        @WithDefault("2m")
        Duration expectationTimeout();

        /** The account's published Fargate RunTask call rate (ECS default 20/s; raise it with a raised quota). */
        @WithDefault("20")
        double accountRunTaskCallsPerSecond();

        /** The account's RunTask call burst (ECS default 100). */
        @WithDefault("100")
        int accountRunTaskCallBurst();

        /** The account's published Fargate task launch rate (ECS default 20 tasks/s). */
        @WithDefault("20")
        double accountTasksPerSecond();

        /** The account's task launch burst (ECS default 100). */
        @WithDefault("100")
        int accountTaskBurst();

        /** Share of the account's rates left for other RunTask users of the account (0 to below 1). */
        @WithDefault("0.25")
        double launchReserve();

        /** After throttling halved the launch rate, tasks per second it grows back by each minute. */
        @WithDefault("3")
        double launchRateIncreasePerMinute();

        /** Copies a group recovering from failures may have starting at once (doubles as they come up). */
        @WithDefault("1")
        int slowStartInitialBatch();

        /** Pause of the whole loop after a throttled or failed ECS call; doubles per consecutive one. */
        @WithDefault("2s")
        Duration throttlePauseInitial();

        @WithDefault("1m")
        Duration throttlePauseMax();

        /** How long a stopped copy stays remembered as already counted. */
        @WithDefault("3h")
        Duration rememberStoppedTasksFor();
    }

    /** Copies of ours whose group the desired state no longer declares. */
    interface Orphans {
        /**
         * Stop orphans once they have been orphaned this long (and the desired state in force is complete); unset:
         * never stop them, only report them ({@code reconciler_orphaned_tasks}, {@code GET /api/v1/orphans}).
         */
        Optional<Duration> stopAfter();
    }

    interface Status {
        /** Events kept per group for the status API. */
        @WithDefault("20")
        int recentEvents();
    }
}
