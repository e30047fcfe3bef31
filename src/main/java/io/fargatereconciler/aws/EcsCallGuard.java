package io.fargatereconciler.aws;

import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * The one SmallRye Fault Tolerance guard around every ECS call: a timeout per attempt, retries with jitter for
 * transient failures only, and one circuit breaker for the ECS endpoint (an outage affects every operation).
 * Throttling and rejections pass straight through: retrying them at once would only make them worse.
 * RunTask is retried too: its clientToken makes a repeated call return the tasks of the first one.
 */
final class EcsCallGuard {
    private final Guard guard;
    private volatile CircuitBreakerState circuitState = CircuitBreakerState.CLOSED;

    EcsCallGuard(EcsConfig config) {
        this.guard = Guard.create()
                .withDescription("ECS API calls")
                .withTimeout().duration(config.callTimeout().toMillis(), ChronoUnit.MILLIS).done()
                .withRetry()
                    .maxRetries(config.retry().maxRetries())
                    .delay(config.retry().delay().toMillis(), ChronoUnit.MILLIS)
                    .jitter(config.retry().jitter().toMillis(), ChronoUnit.MILLIS)
                    .whenException(EcsErrors::isTransient)
                    .done()
                .withCircuitBreaker()
                    .requestVolumeThreshold(config.circuitBreaker().requestVolumeThreshold())
                    .failureRatio(config.circuitBreaker().failureRatio())
                    .delay(config.circuitBreaker().delay().toMillis(), ChronoUnit.MILLIS)
                    .successThreshold(config.circuitBreaker().successThreshold())
                    .when(EcsErrors::isTransient)
                    .onStateChange(state -> circuitState = state)
                    .done()
                .build();
    }

    @SuppressWarnings("unchecked")
    <T> T call(Supplier<T> call) {
        return (T) guard.get((Supplier<Object>) call, Object.class);
    }

    CircuitBreakerState circuitState() {
        return circuitState;
    }
}
