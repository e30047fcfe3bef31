package io.fargatereconciler.loop.subnets;

import io.fargatereconciler.plan.subnet.StallSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Stall detection and subnet probes, under {@code reconciler.stall.}; defaults are {@code StallSettings.DEFAULTS}. */
@ConfigMapping(prefix = "reconciler.stall")
public interface StallConfig {
    /** Stop and replace tasks stalled in PROVISIONING. Off: ECS's own provisioning timeout ends them. */
    @WithDefault("true")
    boolean enabled();

    /** The quantile of recent provisioning times the threshold is derived from. */
    @WithDefault("0.99")
    double quantile();

    /** The threshold is this many times that quantile. */
    @WithDefault("1.5")
    double factor();

    /** The threshold is never below this. */
    @WithDefault("30s")
    Duration floor();

    /** The threshold is never above this; it is the threshold while too few starts are known. */
    @WithDefault("90s")
    Duration cap();

    /** Recent starts needed before the threshold is learned rather than the cap; at least 1 / (1 - quantile). */
    @WithDefault("100")
    int minSamples();

    /** Recent starts remembered across the account (a quarter of it per subnet). */
    @WithDefault("2000")
    int window();

    /** Tasks a subnet without a recent successful start may have starting at once; 0 turns probing off. */
    @WithDefault("2")
    int probeBatch();

    /** How often to look again while a probe is still in PROVISIONING. */
    @WithDefault("5s")
    Duration probeCheckInterval();

    /** A successful start older than this no longer proves a subnet healthy: its next launches probe first. */
    @WithDefault("30m")
    Duration recentSuccess();

    default StallSettings settings() {
        return new StallSettings(enabled(), quantile(), factor(), floor(), cap(), minSamples(), window(), probeBatch(),
                probeCheckInterval(), recentSuccess());
    }
}
