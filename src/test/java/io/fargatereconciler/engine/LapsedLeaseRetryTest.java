package io.fargatereconciler.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fargatereconciler.aws.DynamoDbLeaseGateway;
import io.fargatereconciler.aws.EcsConfig;
import io.fargatereconciler.aws.LeaseSettings;
import io.fargatereconciler.aws.SdkEcsGateway;
import io.fargatereconciler.loop.leader.LeaseElection;
import io.fargatereconciler.loop.leader.LeaseTiming;
import io.fargatereconciler.plan.Ownership;
import io.fargatereconciler.plan.PlannerConfig;
import io.fargatereconciler.testing.Dynalite;
import io.fargatereconciler.testing.ManualClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;

/**
 * The leader checks its lease before every attempt of a mutating call, not only before the first: a RunTask whose
 * first attempt fails with a transient error is retried by the gateway's fault tolerance, and that retry must not go
 * out once the lease has lapsed in between (another replica may lead by then). The lease is real (dynalite); its
 * clock is a manual one that the failing attempt moves past the lease's validity.
 */
@QuarkusTest
class LapsedLeaseRetryTest {
    private static final LeaseTiming SLOW_RENEWAL = new LeaseTiming(Duration.ofMinutes(10), Duration.ofMinutes(2),
            Duration.ofSeconds(5), Duration.ofSeconds(1));

    @Inject
    EcsConfig ecsConfig;

    private final List<AutoCloseable> closeAfter = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = closeAfter.size() - 1; i >= 0; i--) {
            closeAfter.get(i).close();
        }
    }

    @Test
    void aRunTaskRetryIsNotSentOnceTheLeaseHasLapsed() {
        Dynalite dynalite = closing(Dynalite.start());
        dynalite.createLeaseTable("leases");
        ManualClock leaseClock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
        LeaseElection election = closing(new LeaseElection(new DynamoDbLeaseGateway(closing(dynalite.client()),
                new LeaseSettings("leases", "retry-test", "replica-a", SLOW_RENEWAL.lease())), SLOW_RENEWAL,
                leaseClock, "replica-a"));
        election.start();
        await().atMost(Duration.ofSeconds(10)).until(election::isLeader);
        SimulatedAccount account = closing(new SimulatedAccount(ecsConfig, config -> { }));
        account.desire(SimulatedAccount.group("api", 1, "api:1"));
        AtomicInteger runTaskAttempts = new AtomicInteger();
        ExecutionInterceptor firstRunTaskFailsWhileTheLeaseLapses = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                if (context.request() instanceof RunTaskRequest && runTaskAttempts.incrementAndGet() == 1) {
                    leaseClock.advance(SLOW_RENEWAL.lease());
                    throw SdkClientException.create("connection reset by the test before RunTask was sent");
                }
            }
        };
        EcsClient flakyEcs = closing(ecsClient(account, firstRunTaskFailsWhileTheLeaseLapses));
        Daemon daemon = new Daemon(account, 5,
                ignored -> new SdkEcsGateway(flakyEcs, Ownership.DEFAULT_OWNER_ID, ecsConfig, election::isLeader),
                PlannerConfig.DEFAULTS, TestLoopSettings.DEFAULTS, election);

        daemon.loop.runPass();

        assertThat(runTaskAttempts.get()).as("RunTask attempts: the first failed, the retry was not sent").isEqualTo(1);
        assertThat(account.admin().apiCalls().calls("ecs:RunTask")).as("RunTask calls that reached ECS").isZero();
        assertThat(account.liveTasks()).as("tasks launched on a lapsed lease").isEmpty();
        assertThat(election.isLeader()).isFalse();
    }

    /** An ECS client for the simulator like the daemon's (no SDK retries: the gateway retries), plus an interceptor. */
    private static EcsClient ecsClient(SimulatedAccount account, ExecutionInterceptor interceptor) {
        return EcsClient.builder()
                .endpointOverride(account.simulator.endpoint())
                .region(Region.of("eu-west-1"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(config -> config.addExecutionInterceptor(interceptor)
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(1).build()))
                .build();
    }

    private <T extends AutoCloseable> T closing(T resource) {
        closeAfter.add(resource);
        return resource;
    }
}
