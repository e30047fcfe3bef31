package io.fargatereconciler.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.loop.LoopConfig;
import io.fargatereconciler.loop.LoopHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class LoopLivenessCheckTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(START);
    private final LoopHealth health = new LoopHealth(START);
    private final LoopLivenessCheck check = new LoopLivenessCheck(health, config(true), () -> now.get());

    @Test
    void staysUpWhilePassesCompleteWithinFourResyncIntervals() {
        now.set(START.plusSeconds(120));
        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);

        health.passCompleted(START.plusSeconds(110));
        now.set(START.plusSeconds(229));
        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    @Test
    void failsWhenNoPassCompletedForLongerThanFourResyncIntervals() {
        health.passCompleted(START.plusSeconds(10));
        now.set(START.plusSeconds(131));

        HealthCheckResponse response = check.call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData().orElseThrow().get("reason").toString()).contains("stuck");
    }

    @Test
    void aDisabledLoopIsNeverStuck() {
        LoopLivenessCheck disabled = new LoopLivenessCheck(health, config(false), () -> START.plus(Duration.ofDays(1)));

        assertThat(disabled.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    }

    private static LoopConfig config(boolean enabled) {
        LoopConfig.Loop loop = new LoopConfig.Loop() {
            @Override
            public boolean enabled() {
                return enabled;
            }

            @Override
            public Duration resyncInterval() {
                return Duration.ofSeconds(30);
            }

            @Override
            public double resyncJitter() {
                return 0.1;
            }

            @Override
            public int stuckAfterResyncs() {
                return 4;
            }

            @Override
            public Duration shutdownGrace() {
                return Duration.ofSeconds(10);
            }
        };
        return new LoopConfig() {
            @Override
            public String ownerId() {
                return "fargate-reconciler";
            }

            @Override
            public Loop loop() {
                return loop;
            }

            @Override
            public Status status() {
                return () -> 20;
            }

            @Override
            public Planning planner() {
                throw new UnsupportedOperationException("not used by the liveness check");
            }

            @Override
            public Orphans orphans() {
                throw new UnsupportedOperationException("not used by the liveness check");
            }
        };
    }
}
