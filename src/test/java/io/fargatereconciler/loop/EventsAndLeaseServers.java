package io.fargatereconciler.loop;

import io.fargatereconciler.testing.Dynalite;
import io.fargatereconciler.testing.ElasticMq;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Starts dynalite (with a lease table) and ElasticMQ (with an event queue) and points the daemon at them. */
public final class EventsAndLeaseServers implements QuarkusTestResourceLifecycleManager {
    public static final String LEASE_TABLE = "reconciler-leases";
    public static final String QUEUE = "task-state-events";
    private Dynalite dynalite;
    private ElasticMq sqs;

    @Override
    public Map<String, String> start() {
        dynalite = Dynalite.start();
        dynalite.createLeaseTable(LEASE_TABLE);
        sqs = ElasticMq.start();
        String queueUrl = sqs.createQueueWithDeadLetterQueue(QUEUE, 5, java.time.Duration.ofSeconds(30)).url();
        // the daemon's clients use the SDK's default credentials chain, which reads these system properties
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        return Map.of(
                "reconciler.state.table", LEASE_TABLE,
                "reconciler.leader.replica-id", "replica-under-test",
                "reconciler.state.region", "us-east-1",
                "reconciler.state.endpoint-override", dynalite.endpoint().toString(),
                "reconciler.events.queue-url", queueUrl,
                "reconciler.events.region", "us-east-1",
                "reconciler.events.endpoint-override", sqs.endpoint().toString(),
                "reconciler.events.wait-time", "1s");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(sqs, new TestInjector.MatchesType(ElasticMq.class));
    }

    @Override
    public void stop() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        if (sqs != null) {
            sqs.close();
        }
        if (dynalite != null) {
            dynalite.close();
        }
    }
}
