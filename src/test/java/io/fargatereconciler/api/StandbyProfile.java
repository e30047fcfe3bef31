package io.fargatereconciler.api;

import io.fargatereconciler.aws.DynamoDbLeaseGateway;
import io.fargatereconciler.aws.LeaseSettings;
import io.fargatereconciler.loop.leader.LeaseElection;
import io.fargatereconciler.loop.leader.LeaseTiming;
import io.fargatereconciler.loop.leader.MonotonicInstantSource;
import io.fargatereconciler.testing.Dynalite;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The daemon as a standby: another replica ({@value #LEADER}) holds the lease in the lease table (dynalite) before the
 * daemon starts, and keeps it.
 */
public final class StandbyProfile implements QuarkusTestProfile {
    static final String LEADER = "replica-elsewhere";
    static final String REPLICA = "replica-under-test";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("reconciler.simulator.config", "src/test/resources/simulator/fast.yaml",
                "reconciler.loop.resync-interval", "2s");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(LeaseHeldElsewhere.class));
    }

    /** Dynalite with the lease table, and the other replica's election holding the lease. */
    public static final class LeaseHeldElsewhere implements QuarkusTestResourceLifecycleManager {
        private static final String TABLE = "reconciler-leases";
        private Dynalite dynalite;
        private DynamoDbClient client;
        private LeaseElection leader;

        @Override
        public Map<String, String> start() {
            dynalite = Dynalite.start();
            dynalite.createLeaseTable(TABLE);
            client = dynalite.client();
            leader = new LeaseElection(new DynamoDbLeaseGateway(client,
                    new LeaseSettings(TABLE, "fargate-reconciler", LEADER, LeaseTiming.DEFAULTS.lease())),
                    LeaseTiming.DEFAULTS, MonotonicInstantSource.startingNow(), LEADER);
            leader.start();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(leader::isLeader);
            System.setProperty("aws.accessKeyId", "test");
            System.setProperty("aws.secretAccessKey", "test");
            return Map.of(
                    "reconciler.leader.table", TABLE,
                    "reconciler.leader.replica-id", REPLICA,
                    "reconciler.leader.region", "us-east-1",
                    "reconciler.leader.endpoint-override", dynalite.endpoint().toString());
        }

        @Override
        public void stop() {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
            if (leader != null) {
                leader.close();
            }
            if (client != null) {
                client.close();
            }
            if (dynalite != null) {
                dynalite.close();
            }
        }
    }
}
