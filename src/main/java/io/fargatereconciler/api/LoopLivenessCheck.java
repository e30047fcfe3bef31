package io.fargatereconciler.api;

import io.fargatereconciler.loop.LoopConfig;
import io.fargatereconciler.loop.LoopHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness fails only when the reconcile loop is stuck: no pass completed within
 * {@code reconciler.loop.stuck-after-resyncs} resync intervals. ECS outages and bad desired state do not fail it
 * (a restart would not fix them); passes keep completing through those.
 */
@Liveness
@ApplicationScoped
public class LoopLivenessCheck implements HealthCheck {
    private final LoopHealth health;
    private final LoopConfig config;
    private final InstantSource clock;

    @Inject
    public LoopLivenessCheck(LoopHealth health, LoopConfig config, InstantSource clock) {
        this.health = health;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("reconcile-loop");
        if (!config.loop().enabled()) {
            return response.up().withData("loop", "disabled (reconciler.loop.enabled=false)").build();
        }
        Duration limit = config.loop().resyncInterval().multipliedBy(config.loop().stuckAfterResyncs());
        Instant since = health.lastPassCompletedAt().orElse(health.createdAt());
        Duration quiet = Duration.between(since, clock.instant());
        response.withData("lastPassCompletedAt", health.lastPassCompletedAt().map(Instant::toString).orElse("never"))
                .withData("stuckAfter", limit.toString());
        if (quiet.compareTo(limit) > 0) {
            return response.down().withData("reason", "no reconcile pass completed for " + quiet.toSeconds()
                    + " s; the loop thread is stuck, restart the process").build();
        }
        return response.up().build();
    }
}
