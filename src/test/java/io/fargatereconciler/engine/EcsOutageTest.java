package io.fargatereconciler.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.aws.EcsConfig;
import io.fargatereconciler.sim.faults.ApiFaults;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * ECS itself failing (every call HTTP 500): the circuit breaker stops the loop from hammering it, the loop keeps
 * completing passes, and it resumes by itself once ECS answers again. The breaker's delay runs on real time, so
 * this test uses a short one.
 */
@QuarkusTest
class EcsOutageTest {
    private static final Duration BREAKER_DELAY = Duration.ofSeconds(3);

    private SimulatedAccount account;

    @AfterEach
    void closeAccount() {
        if (account != null) {
            account.close();
        }
    }

    @Test
    void anEcsOutageOpensTheCircuitAndTheLoopResumesByItselfAfterwards() throws InterruptedException {
        account = new SimulatedAccount(outageReadyConfig(), config -> { });
        account.desire(SimulatedAccount.group("api", 3, "api:1"));
        Daemon daemon = new Daemon(account, 10);
        daemon.runFor(Duration.ofMinutes(2));
        assertThat(account.running()).isEqualTo(3);

        account.admin().setApiFaults(ApiFaults.none().withServerErrorProbability(1.0));
        account.admin().killTask(account.liveTasks().get(0).taskArn(), 1);
        account.admin().resetApiCalls();
        daemon.runFor(Duration.ofMinutes(30));
        // ECS calls only: EC2 DescribeSubnets (subnet free IPs, once a minute) is another endpoint and not down.
        long callsDuringOutage = account.admin().apiCalls().totalCalls()
                - account.admin().apiCalls().calls("ec2:DescribeSubnets");

        // 60 passes, each a ListTasks tried 3 times, would be 180 calls; the breaker lets about 10 through.
        assertThat(callsDuringOutage).isLessThanOrEqualTo(15);
        assertThat(daemon.health.unreachableClusters()).containsExactly(SimulatedAccount.CLUSTER);
        assertThat(daemon.health.lastPassCompletedAt().orElseThrow()).as("passes keep completing")
                .isAfter(account.clock.instant().minus(TestLoopSettings.DEFAULTS.resyncInterval().multipliedBy(2)));

        account.admin().setApiFaults(ApiFaults.none());
        Thread.sleep(BREAKER_DELAY.plusMillis(500).toMillis());
        daemon.runFor(Duration.ofMinutes(2));

        assertThat(account.running()).isEqualTo(3);
        assertThat(daemon.health.unreachableClusters()).isEmpty();
    }

    private static EcsConfig outageReadyConfig() {
        return new EcsConfig() {
            @Override
            public Duration callTimeout() {
                return Duration.ofSeconds(5);
            }

            @Override
            public Retry retry() {
                return new Retry() {
                    @Override
                    public int maxRetries() {
                        return 2;
                    }

                    @Override
                    public Duration delay() {
                        return Duration.ofMillis(10);
                    }

                    @Override
                    public Duration jitter() {
                        return Duration.ofMillis(5);
                    }
                };
            }

            @Override
            public CircuitBreaker circuitBreaker() {
                return new CircuitBreaker() {
                    @Override
                    public int requestVolumeThreshold() {
                        return 10;
                    }

                    @Override
                    public double failureRatio() {
                        return 0.5;
                    }

                    @Override
                    public Duration delay() {
                        return BREAKER_DELAY;
                    }

                    @Override
                    public int successThreshold() {
                        return 1;
                    }
                };
            }
        };
    }
}
