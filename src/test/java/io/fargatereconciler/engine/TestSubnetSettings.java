package io.fargatereconciler.engine;

import io.fargatereconciler.loop.subnets.DiagnosticsConfig;
import io.fargatereconciler.loop.subnets.SubnetsConfig;
import io.fargatereconciler.plan.subnet.StallSettings;
import java.time.Duration;

/**
 * Subnet steering, stall and test-ENI settings for daemons on virtual time: the documented defaults, steering, stall
 * detection and probes, and test ENI as asked.
 */
record TestSubnetSettings(boolean steering, boolean testEni, StallSettings stall)
        implements SubnetsConfig, DiagnosticsConfig {
    static final TestSubnetSettings DEFAULTS = new TestSubnetSettings(true, false, StallSettings.DEFAULTS);
    static final TestSubnetSettings NO_STEERING = new TestSubnetSettings(false, false, StallSettings.DEFAULTS);
    /** Stall detection on, probing of subnets without a recent start off. */
    static final StallSettings NO_PROBES = new StallSettings(true, 0.99, 1.5, Duration.ofSeconds(30),
            Duration.ofSeconds(90), 100, 2000, 0, Duration.ofSeconds(5), Duration.ofMinutes(30));

    TestSubnetSettings(boolean steering, boolean testEni) {
        this(steering, testEni, StallSettings.DEFAULTS);
    }

    @Override
    public Duration failureHalfLife() {
        return Duration.ofMinutes(5);
    }

    @Override
    public double healthyBelow() {
        return 0.5;
    }

    @Override
    public double avoidFrom() {
        return 2.0;
    }

    @Override
    public int minFreeIps() {
        return 1;
    }

    @Override
    public Duration freeIpsRefreshInterval() {
        return Duration.ofMinutes(1);
    }

    @Override
    public Duration freeIpsMaxAge() {
        return Duration.ofMinutes(5);
    }

    @Override
    public int testEniAfterFailures() {
        return 3;
    }

    @Override
    public Duration testEniMinInterval() {
        return Duration.ofMinutes(15);
    }
}
