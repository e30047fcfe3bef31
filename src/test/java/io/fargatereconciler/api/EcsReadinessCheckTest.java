package io.fargatereconciler.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.loop.LoopHealth;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class EcsReadinessCheckTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final LoopHealth health = new LoopHealth(START);
    private final EcsReadinessCheck check = new EcsReadinessCheck(health, () -> CircuitBreakerState.CLOSED);

    @Test
    void isDownUntilEveryClusterOfAPassWasObserved() {
        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);

        health.observed(Set.of("a"), Set.of("a", "b"), START.plusSeconds(1));
        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);

        health.observed(Set.of("a", "b"), Set.of("a", "b"), START.plusSeconds(31));
        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    void staysUpButNamesUnreachableClustersWhenEcsFailsLater() {
        health.observed(Set.of("a", "b"), Set.of("a", "b"), START);
        health.observed(Set.of("a"), Set.of("a", "b"), START.plusSeconds(30));

        HealthCheckResponse response = check.call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData().orElseThrow()).containsEntry("unreachableClusters", "b")
                .containsEntry("firstObservationAt", START.toString())
                .containsEntry("circuitBreaker", "CLOSED");
    }

    @Test
    void aPassOverSomeClustersClearsOnlyThoseFromTheUnreachableOnes() {
        health.observed(Set.of("a"), Set.of("a", "b"), START);
        health.observed(Set.of("a"), Set.of("a"), START.plusSeconds(5));

        assertThat(check.call().getData().orElseThrow()).containsEntry("unreachableClusters", "b");
    }
}
