package io.fargatereconciler.loop.subnets;

import io.fargatereconciler.plan.subnet.StallSettings;
import io.fargatereconciler.plan.subnet.SubnetHealthSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Subnet steering, under {@code reconciler.subnets.}; defaults are {@code SubnetHealthSettings.DEFAULTS}. */
@ConfigMapping(prefix = "reconciler.subnets")
public interface SubnetsConfig {
    /** Order and filter each launch's subnets by health. Off: the spec's subnets as written, every time. */
    @WithDefault("true")
    boolean steering();

    /** Each ENI or IP-exhaustion failure adds 1 to the subnet's failure score, which halves this often. */
    @WithDefault("5m")
    Duration failureHalfLife();

    /** A subnet scoring below this is healthy; launches prefer healthy subnets. */
    @WithDefault("0.5")
    double healthyBelow();

    /** A subnet scoring this or more is avoided: chosen last when no subnet of the group is healthy. */
    @WithDefault("2.0")
    double avoidFrom();

    /** A subnet with fewer free IP addresses (EC2 AvailableIpAddressCount) is avoided. */
    @WithDefault("1")
    int minFreeIps();

    /** EC2 DescribeSubnets (free IPs of every subnet the desired state names) at most this often. */
    @WithDefault("1m")
    Duration freeIpsRefreshInterval();

    /** A free-IP count older than this (EC2 unreachable since) is no longer trusted. */
    @WithDefault("5m")
    Duration freeIpsMaxAge();

    /** These settings with {@code stall} detection and probes. */
    default SubnetHealthSettings settings(StallSettings stall) {
        return new SubnetHealthSettings(failureHalfLife(), healthyBelow(), avoidFrom(), minFreeIps(), freeIpsMaxAge(),
                stall);
    }
}
