package io.fargatereconciler.engine;

import io.fargatereconciler.loop.subnets.DiagnosticsConfig;
import io.fargatereconciler.loop.subnets.SubnetsConfig;
import java.time.Duration;

/**
 * Subnet steering and test-ENI settings for daemons on virtual time: the documented defaults, steering and test ENI
 * as asked.
 */
record TestSubnetSettings(boolean steering, boolean testEni) implements SubnetsConfig, DiagnosticsConfig {
    static final TestSubnetSettings DEFAULTS = new TestSubnetSettings(true, false);
    static final TestSubnetSettings NO_STEERING = new TestSubnetSettings(false, false);

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
