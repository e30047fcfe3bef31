package io.fargatereconciler.loop.events;

import static io.fargatereconciler.testing.TaskStateChangeEvents.CLUSTER_ARN;
import static io.fargatereconciler.testing.TaskStateChangeEvents.event;
import static io.fargatereconciler.testing.TaskStateChangeEvents.taskArn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fargatereconciler.aws.EventQueueSettings;
import io.fargatereconciler.aws.SqsEventQueueGateway;
import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.plan.Ownership;
import io.fargatereconciler.testing.ElasticMq;
import io.fargatereconciler.testing.ElasticMq.QueueWithDeadLetters;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The event intake against ElasticMQ: real queues, a real redrive policy, real-shaped ECS events. */
class EventIntakeTest {
    private static final String OURS = Ownership.DEFAULT_OWNER_ID;
    private static final ResourceKey API = ResourceKey.taskGroup("api");
    private static final ResourceKey WORKER = ResourceKey.taskGroup("worker");
    private static final Duration SHORT_POLL = Duration.ofSeconds(1);
    private static final AtomicInteger QUEUES = new AtomicInteger();
    private static ElasticMq sqs;

    private final RecordingWorkQueue workQueue = new RecordingWorkQueue();
    private final Map<String, ResourceKey> knownTasks = Map.of(taskArn("api-1"), API, taskArn("worker-1"), WORKER);
    private SqsClient client;
    private QueueWithDeadLetters queue;
    private EventIntake intake;

    @BeforeAll
    static void startElasticMq() {
        sqs = ElasticMq.start();
    }

    @AfterAll
    static void stopElasticMq() {
        sqs.close();
    }

    @BeforeEach
    void createQueueAndIntake() {
        queue = sqs.createQueueWithDeadLetterQueue("task-events-" + QUEUES.incrementAndGet(), 2,
                Duration.ofSeconds(1));
        client = sqs.client();
        intake = new EventIntake(
                new SqsEventQueueGateway(client, new EventQueueSettings(queue.url(), 10, SHORT_POLL)),
                workQueue, task -> Optional.ofNullable(knownTasks.get(task)), OURS);
    }

    @AfterEach
    void stopIntake() throws InterruptedException {
        intake.stop();
        intake.awaitStopped(SHORT_POLL.plusSeconds(5));
        client.close();
    }

    @Test
    void nudgesTheGroupOfAStoppedTaskAndDeletesTheEvent() {
        intake.start();
        sqs.send(queue.url(), event("api-1", "STOPPED", 5, OURS));

        await().atMost(Duration.ofSeconds(5)).until(() -> workQueue.nudgedGroups.contains(API));
        await().atMost(Duration.ofSeconds(5)).until(() -> sqs.messagesOn(queue.url()) == 0);
        assertThat(workQueue.nudgedGroups).containsExactly(API);
        assertThat(intake.counters().count(EventOutcome.NUDGED_GROUP)).isEqualTo(1);
    }

    @Test
    void handlesABatchOfEventsForSeveralGroupsInOneReceive() {
        for (int i = 0; i < 10; i++) {
            sqs.send(queue.url(), event(i % 2 == 0 ? "api-1" : "worker-1", "RUNNING", i + 1, OURS));
        }
        intake.start();

        await().atMost(Duration.ofSeconds(5)).until(() -> sqs.messagesOn(queue.url()) == 0);
        assertThat(workQueue.nudgedGroups).contains(API, WORKER);
        assertThat(intake.counters().received()).isEqualTo(10);
    }

    @Test
    void nudgesTheClusterForATaskOfOursThatNoGroupKnowsYet() {
        intake.start();
        sqs.send(queue.url(), event("launched-by-the-last-leader", "STOPPED", 3, OURS));

        await().atMost(Duration.ofSeconds(5)).until(() -> workQueue.nudgedClusters.contains(CLUSTER_ARN));
        assertThat(workQueue.nudgedGroups).isEmpty();
    }

    @Test
    void ignoresTasksStartedBySomeoneElse() {
        intake.start();
        sqs.send(queue.url(), event("a-service-task", "STOPPED", 3, "ecs-svc/1234567890123456789"));
        sqs.send(queue.url(), event("api-1", "STOPPED", 7, OURS));

        await().atMost(Duration.ofSeconds(5)).until(() -> workQueue.nudgedGroups.contains(API));
        await().atMost(Duration.ofSeconds(5)).until(() -> sqs.messagesOn(queue.url()) == 0);
        assertThat(workQueue.nudgedClusters).isEmpty();
        assertThat(intake.counters().count(EventOutcome.NOT_OURS)).isEqualTo(1);
    }

    @Test
    void dropsDuplicatedAndOutOfOrderEventsOfATask() {
        intake.start();
        sqs.send(queue.url(), event("api-1", "RUNNING", 4, OURS));
        await().atMost(Duration.ofSeconds(5)).until(() -> workQueue.nudgedGroups.size() == 1);

        sqs.send(queue.url(), event("api-1", "RUNNING", 4, OURS));
        sqs.send(queue.url(), event("api-1", "PENDING", 2, OURS));
        await().atMost(Duration.ofSeconds(5)).until(() -> intake.counters().count(EventOutcome.STALE) == 2);
        sqs.send(queue.url(), event("api-1", "STOPPED", 6, OURS));

        await().atMost(Duration.ofSeconds(5)).until(() -> workQueue.nudgedGroups.size() == 2);
        await().atMost(Duration.ofSeconds(5)).until(() -> sqs.messagesOn(queue.url()) == 0);
        assertThat(intake.counters().count(EventOutcome.STALE)).isEqualTo(2);
        assertThat(workQueue.nudgedGroups).containsExactly(API, API);
    }

    @Test
    void leavesAnUnparseableMessageForTheRedrivePolicyToMoveToTheDeadLetterQueue() {
        intake.start();
        sqs.send(queue.url(), "{\"detail-type\": \"EC2 Instance State-change Notification\", \"source\": \"aws.ec2\"}");
        sqs.send(queue.url(), event("api-1", "STOPPED", 9, OURS));

        await().atMost(Duration.ofSeconds(15)).until(() -> sqs.messagesOn(queue.deadLetterUrl()) == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> sqs.messagesOn(queue.url()) == 0);
        assertThat(workQueue.nudgedGroups).containsExactly(API);
        assertThat(intake.counters().count(EventOutcome.UNPARSEABLE)).isEqualTo(2);
        try (SqsClient reader = sqs.client()) {
            assertThat(reader.receiveMessage(request -> request.queueUrl(queue.deadLetterUrl())).messages())
                    .singleElement().satisfies(message -> assertThat(message.body()).contains("aws.ec2"));
        }
    }

    @Test
    void stopsPollingWhenStopped() throws InterruptedException {
        intake.start();
        sqs.send(queue.url(), event("api-1", "STOPPED", 5, OURS));
        await().atMost(Duration.ofSeconds(5)).until(() -> workQueue.nudgedGroups.size() == 1);

        intake.stop();
        assertThat(intake.awaitStopped(SHORT_POLL.plusSeconds(3))).as("the receiving thread ended").isTrue();
        sqs.send(queue.url(), event("worker-1", "STOPPED", 5, OURS));

        await().during(SHORT_POLL.multipliedBy(2)).atMost(SHORT_POLL.multipliedBy(3))
                .until(() -> sqs.visibleMessagesOn(queue.url()) == 1);
        assertThat(workQueue.nudgedGroups).containsExactly(API);
        assertThat(intake.counters().received()).isEqualTo(1);

        intake.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> workQueue.nudgedGroups.contains(WORKER));
    }

    @Test
    void receivesNothingWhileTheWorkQueueIsBackedUp() {
        workQueue.backedUp = true;
        intake.start();
        sqs.send(queue.url(), event("api-1", "STOPPED", 5, OURS));

        await().during(SHORT_POLL.multipliedBy(2)).atMost(SHORT_POLL.multipliedBy(3))
                .until(() -> sqs.visibleMessagesOn(queue.url()) == 1);
        assertThat(intake.counters().received()).isZero();

        workQueue.backedUp = false;
        await().atMost(Duration.ofSeconds(5)).until(() -> workQueue.nudgedGroups.contains(API));
    }
}
