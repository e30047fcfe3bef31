package io.fargatereconciler.engine;

import io.fargatereconciler.loop.LoopConfig;
import java.time.Duration;

/** Loop settings for tests that drive passes on virtual time: the documented defaults. */
public record TestLoopSettings(Duration resyncInterval, double resyncJitter) implements LoopConfig.Loop {
    public static final TestLoopSettings DEFAULTS = new TestLoopSettings(Duration.ofSeconds(30), 0.1);

    @Override
    public boolean enabled() {
        return false;
    }

    @Override
    public int stuckAfterResyncs() {
        return 4;
    }

    @Override
    public Duration shutdownGrace() {
        return Duration.ofSeconds(10);
    }
}
