package io.fargatereconciler.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.loop.state.ClaimedState;
import io.fargatereconciler.loop.state.LaunchIntent;
import io.fargatereconciler.loop.state.StateWriteRefused;
import io.fargatereconciler.plan.job.JobLedger;
import io.fargatereconciler.plan.job.JobRun;
import io.fargatereconciler.plan.job.JobRunId;
import io.fargatereconciler.plan.job.JobRunRecord;
import io.fargatereconciler.plan.job.JobRunResult;
import io.fargatereconciler.testing.Dynalite;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The state store and the lease's term against dynalite: what one leader writes the next reads back, and once a newer
 * leader has claimed an item, DynamoDB refuses the deposed leader's late writes (no transactions: each write is
 * conditional on the item's term).
 */
class DynamoDbStateStoreTest {
    private static final String TABLE = "state";
    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final ResourceKey API = ResourceKey.taskGroup("api");
    private static final ResourceKey NIGHTLY = ResourceKey.job("nightly");
    private static Dynalite dynalite;

    private DynamoDbClient client;

    @BeforeAll
    static void startDynalite() {
        dynalite = Dynalite.start();
        dynalite.createLeaseTable(TABLE);
    }

    @AfterAll
    static void stopDynalite() {
        dynalite.close();
    }

    @AfterEach
    void closeClient() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void everyNewLeaseHolderGetsAGreaterTermEvenAfterAGracefulRelease(TestInfo test) {
        String lease = test.getDisplayName();
        DynamoDbLeaseGateway first = lease(lease, "replica-a");
        DynamoDbLeaseGateway second = lease(lease, "replica-b");

        HeldLease a = first.tryAcquire(T0).orElseThrow();
        assertThat(second.tryAcquire(T0)).as("held by replica-a").isEmpty();
        first.release(a);
        HeldLease b = second.tryAcquire(T0).orElseThrow();
        second.release(b);
        HeldLease again = first.tryAcquire(T0).orElseThrow();

        assertThat(b.term()).isGreaterThan(a.term());
        assertThat(again.term()).isGreaterThan(b.term());
    }

    @Test
    void aLeaderReadsBackTheIntentsAndLedgerItsPredecessorWrote(TestInfo test) {
        String lease = test.getDisplayName();
        DynamoDbStateStore old = store(lease, "replica-a");
        old.claim(1, List.of(API), List.of(NIGHTLY));
        List<LaunchIntent> intents = List.of(intent("token-1", List.of("arn:task/1", "arn:task/2")),
                intent("token-2", List.of()));
        JobLedger ledger = ledger();
        old.writeIntents(1, API, intents);
        old.writeLedger(1, NIGHTLY, ledger);

        ClaimedState read = store(lease, "replica-b").claim(2, List.of(API, ResourceKey.taskGroup("web")),
                List.of(NIGHTLY, ResourceKey.job("weekly")));

        assertThat(read.intents()).as("a group nobody recorded intents for is absent").containsOnlyKeys(API);
        assertThat(read.intents().get(API)).isEqualTo(intents);
        assertThat(read.ledgers()).containsOnlyKeys(NIGHTLY);
        assertThat(read.ledgers().get(NIGHTLY)).isEqualTo(ledger);
    }

    @Test
    void dynamoDbRefusesADeposedLeadersLateIntentAndLedgerWrites(TestInfo test) {
        String lease = test.getDisplayName();
        DynamoDbStateStore deposed = store(lease, "replica-a");
        DynamoDbStateStore leader = store(lease, "replica-b");
        deposed.claim(1, List.of(API), List.of(NIGHTLY));
        deposed.writeIntents(1, API, List.of(intent("token-1", List.of("arn:task/1"))));

        // given the next leader has claimed both items for its term
        ClaimedState read = leader.claim(2, List.of(API), List.of(NIGHTLY));

        // when the deposed leader's writes arrive late, DynamoDB refuses each of them
        assertThatThrownBy(() -> deposed.writeIntents(1, API, List.of(intent("token-9", List.of()))))
                .isInstanceOf(StateWriteRefused.class);
        assertThatThrownBy(() -> deposed.writeLedger(1, NIGHTLY, ledger())).isInstanceOf(StateWriteRefused.class);
        assertThatThrownBy(() -> deposed.claim(1, List.of(API), List.of())).isInstanceOf(StateWriteRefused.class);
        // and what the new leader holds is what it read, which its own writes may change
        assertThat(leader.claim(2, List.of(API), List.of()).intents()).isEqualTo(read.intents());
        leader.writeIntents(2, API, List.of());
        assertThat(leader.claim(2, List.of(API), List.of()).intents().get(API)).isEmpty();
    }

    private static LaunchIntent intent(String token, List<String> arns) {
        return new LaunchIntent(API, token, "abc123", 2, List.of("subnet-a", "subnet-b"), T0, arns);
    }

    private static JobLedger ledger() {
        JobRunId running = JobRunId.scheduled("nightly", T0.plus(Duration.ofDays(1)));
        JobRun run = new JobRun(running, "abc123", JobRun.Phase.STARTED, 2, "arn:task/7", null, T0.plusSeconds(86_460),
                T0.plusSeconds(86_470), T0.plusSeconds(86_470), 1, 0, T0.plusSeconds(86_400), null, "ENI timeout",
                false, List.of("subnet-b"));
        JobRunId done = JobRunId.scheduled("nightly", T0);
        JobRunRecord finished = new JobRunRecord(done, "abc123", JobRunResult.Succeeded, T0, T0.plusSeconds(40),
                T0.plusSeconds(400), 1, 0, 0, "every essential container exited 0", "arn:task/3");
        return new JobLedger(T0.plus(Duration.ofDays(1)), List.of(run), List.of(finished), List.of(done),
                Set.of("arn:task/5"));
    }

    private DynamoDbStateStore store(String lease, String replica) {
        return new DynamoDbStateStore(client(), TABLE, lease, replica);
    }

    private DynamoDbLeaseGateway lease(String lease, String replica) {
        return new DynamoDbLeaseGateway(client(), new LeaseSettings(TABLE, lease, replica, Duration.ofSeconds(20)));
    }

    private DynamoDbClient client() {
        if (client == null) {
            client = dynalite.client();
        }
        return client;
    }
}
