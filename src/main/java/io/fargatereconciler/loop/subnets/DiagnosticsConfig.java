package io.fargatereconciler.loop.subnets;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The test-ENI diagnosis, under {@code reconciler.diagnostics.}. */
@ConfigMapping(prefix = "reconciler.diagnostics")
public interface DiagnosticsConfig {
    /**
     * After repeated ENI failures in a subnet, create a test network interface there (with the group's security
     * groups) and delete it. Off by default: it needs ec2:CreateNetworkInterface, ec2:DeleteNetworkInterface,
     * ec2:DescribeNetworkInterfaces and ec2:CreateTags in the task role ({@code policy --test-eni} adds them).
     */
    @WithDefault("false")
    boolean testEni();

    /** ENI provisioning failures in a subnet (since a copy last started there) before it is tested. */
    @WithDefault("3")
    int testEniAfterFailures();

    /** A subnet is tested at most this often. */
    @WithDefault("15m")
    Duration testEniMinInterval();
}
