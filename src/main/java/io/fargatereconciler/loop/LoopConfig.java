package io.fargatereconciler.loop;

import io.fargatereconciler.plan.Ownership;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The reconcile loop's settings, under {@code reconciler.}. */
@ConfigMapping(prefix = "reconciler")
public interface LoopConfig {
    /** startedBy on every task we launch, and the ListTasks filter: at most 128 characters, unique per daemon fleet. */
    @WithDefault(Ownership.DEFAULT_OWNER_ID)
    String ownerId();

    Loop loop();

    Status status();

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

    interface Status {
        /** Events kept per group for the status API. */
        @WithDefault("20")
        int recentEvents();
    }
}
