package io.fargatereconciler.engine;

import static org.awaitility.Awaitility.await;

import io.fargatereconciler.aws.EventQueueSettings;
import io.fargatereconciler.aws.SqsEventQueueGateway;
import io.fargatereconciler.loop.LoopEventSink;
import io.fargatereconciler.loop.events.EventIntake;
import io.fargatereconciler.loop.events.EventIntakeCounters;
import io.fargatereconciler.loop.events.EventOutcome;
import io.fargatereconciler.plan.Ownership;
import io.fargatereconciler.sim.events.TaskStateChangeEvent;
import io.fargatereconciler.testing.ElasticMq;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The production event path on a {@link SimulatedAccount}: the simulator sends every task state change to an SQS
 * queue in ElasticMQ (as an EventBridge rule would), and a real {@link EventIntake} long-polls that queue and nudges a
 * {@link Daemon}'s work queue. The simulator's events are also recorded here (their virtual time, for measurements),
 * and {@link #awaitAllRouted} waits in real time until the intake has routed every event sent so far.
 */
final class SimulatorEventQueue implements AutoCloseable {
    private static final Duration LONG_POLL = Duration.ofSeconds(1);
    private static final Duration SOCKET_SLACK = Duration.ofSeconds(2);

    final ElasticMq sqs;
    final String queueUrl;
    final EventIntake intake;
    private final SimulatedAccount account;
    private final SqsClient intakeClient;
    private final AutoCloseable listening;
    private final List<TaskStateChangeEvent> sent = new CopyOnWriteArrayList<>();
    private boolean serverStopped;

    SimulatorEventQueue(SimulatedAccount account, Daemon daemon) {
        this.account = account;
        this.sqs = ElasticMq.start();
        this.queueUrl = sqs.createQueueWithDeadLetterQueue("task-events", 5, Duration.ofSeconds(30)).url();
        this.listening = account.admin().addTaskStateChangeListener(sent::add);
        account.admin().sendEventsToQueue(queueUrl);
        this.intakeClient = sqs.client(LONG_POLL.plus(SOCKET_SLACK));
        LoopEventSink sink = new LoopEventSink(daemon.loop, account::desired);
        this.intake = new EventIntake(new SqsEventQueueGateway(intakeClient,
                new EventQueueSettings(queueUrl, EventQueueSettings.SQS_MAX_BATCH, LONG_POLL)), sink, sink,
                Ownership.DEFAULT_OWNER_ID);
        intake.start();
    }

    /** Every event the simulator has sent so far, in order. */
    List<TaskStateChangeEvent> sent() {
        return List.copyOf(sent);
    }

    EventIntakeCounters counters() {
        return intake.counters();
    }

    /** Messages the intake has routed (whatever the outcome), redeliveries included. */
    long routed() {
        long routed = 0;
        for (EventOutcome outcome : EventOutcome.values()) {
            routed += intake.counters().count(outcome);
        }
        return routed;
    }

    /** Waits (real time) until the intake has routed at least as many messages as the simulator has sent. */
    void awaitAllRouted(Duration atMost) {
        int expected = sent.size();
        await().atMost(atMost).pollInterval(Duration.ofMillis(5)).until(() -> routed() >= expected);
    }

    /** Stops the SQS server mid-run: the simulator's sends and the intake's receives fail from now on. */
    void stopServer() {
        serverStopped = true;
        sqs.close();
    }

    /** Deletes the queue mid-run (the server keeps running). */
    void deleteQueue() {
        try (SqsClient admin = sqs.client()) {
            admin.deleteQueue(request -> request.queueUrl(queueUrl));
        }
    }

    @Override
    public void close() throws Exception {
        account.admin().sendEventsToQueue(null);
        listening.close();
        intake.stop();
        intake.awaitStopped(Duration.ofSeconds(5));
        intakeClient.close();
        if (!serverStopped) {
            sqs.close();
        }
    }
}
