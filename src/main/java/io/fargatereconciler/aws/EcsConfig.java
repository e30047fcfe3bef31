package io.fargatereconciler.aws;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How the gateway guards its ECS calls (SmallRye Fault Tolerance). Retries happen here only: the SDK client uses
 * the standard retry strategy limited to one attempt, so the two never multiply.
 */
@ConfigMapping(prefix = "reconciler.ecs")
public interface EcsConfig {
    /** Longest one ECS call may take, per attempt. */
    @WithDefault("10s")
    Duration callTimeout();

    Retry retry();

    CircuitBreaker circuitBreaker();

    interface Retry {
        /** Retries of a call that failed transiently (5xx, network error, timeout); never of throttling or a 4xx. */
        @WithDefault("2")
        int maxRetries();

        /** Wait before a retry. */
        @WithDefault("200ms")
        Duration delay();

        /** Random extra wait, up to this, added to or taken from {@code delay}. */
        @WithDefault("100ms")
        Duration jitter();
    }

    interface CircuitBreaker {
        /** Calls looked at (a rolling window) before the breaker may open. */
        @WithDefault("20")
        int requestVolumeThreshold();

        /** Share of transient failures in that window that opens the breaker. */
        @WithDefault("0.5")
        double failureRatio();

        /** How long the breaker stays open (calls fail at once as Unavailable) before it lets a trial call through. */
        @WithDefault("30s")
        Duration delay();

        /** Successful trial calls that close it again. */
        @WithDefault("2")
        int successThreshold();
    }
}
