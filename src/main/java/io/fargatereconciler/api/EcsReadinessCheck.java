package io.fargatereconciler.api;

import io.fargatereconciler.aws.SdkEcsGateway;
import io.fargatereconciler.loop.LoopHealth;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.function.Supplier;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness condition "ecs": up once ECS answered the observation of every cluster of one pass. A cluster ECS
 * refuses (ClusterNotFoundException: a wrong name in the desired state) counts as answered: it is shown on its
 * groups' status, and must not keep every replica out of the load balancer. Later ECS trouble shows in the detail
 * ({@code unreachableClusters}, {@code circuitBreaker} OPEN while calls are refused) but does not take the daemon out of service: every replica shares the same ECS,
 * and the status API is most useful exactly then.
 */
@Readiness
@ApplicationScoped
public class EcsReadinessCheck implements HealthCheck {
    private final LoopHealth health;
    private final Supplier<CircuitBreakerState> circuit;

    @Inject
    public EcsReadinessCheck(LoopHealth health, SdkEcsGateway gateway) {
        this(health, gateway::circuitState);
    }

    EcsReadinessCheck(LoopHealth health, Supplier<CircuitBreakerState> circuit) {
        this.health = health;
        this.circuit = circuit;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("ecs")
                .withData("firstObservationAt", health.firstObservationAt().map(Instant::toString).orElse("never"))
                .withData("lastObservationAt", health.lastObservationAt().map(Instant::toString).orElse("never"))
                .withData("unreachableClusters", String.join(",", health.unreachableClusters()))
                .withData("circuitBreaker", circuit.get().name());
        if (health.firstObservationAt().isEmpty()) {
            return response.down().withData("reason",
                    "ECS has not answered an observation of every cluster yet; check the endpoint, region, credentials and network")
                    .build();
        }
        return response.up().build();
    }
}
