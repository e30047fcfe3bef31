package io.fargatereconciler.loop.events;

import io.fargatereconciler.aws.AwsEndpoint;
import io.fargatereconciler.aws.EventQueueGateway;
import io.fargatereconciler.aws.EventQueueSettings;
import io.fargatereconciler.aws.SqsEventQueueGateway;
import io.fargatereconciler.loop.leader.Leadership;
import io.fargatereconciler.plan.Ownership;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Runs the {@link EventIntake} when {@code reconciler.events.queue-url} is set, and only while this replica leads
 * (a standby leaves the events on the queue for the leader). Needs a {@link WorkQueueSink} and a
 * {@link TaskGroupLookup} bean (the reconcile loop's). Exports {@code reconciler_events_total{outcome}} and
 * {@code reconciler_event_receive_failures_total}.
 */
@ApplicationScoped
public class EventIntakeLifecycle {
    private static final Logger LOG = Logger.getLogger(EventIntakeLifecycle.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(2);

    private EventQueueGateway queue;
    private EventIntake intake;

    void start(@Observes StartupEvent started, EventIntakeConfig config, Leadership leadership,
               Instance<WorkQueueSink> sinks, Instance<TaskGroupLookup> groups, MeterRegistry metrics,
               @ConfigProperty(name = "reconciler.owner-id", defaultValue = Ownership.DEFAULT_OWNER_ID) String ownerId) {
        if (config.queueUrl().isEmpty()) {
            LOG.info("reconciler.events.queue-url is not set: no task-state events; the periodic resync alone finds"
                    + " stopped tasks");
            return;
        }
        if (!sinks.isResolvable() || !groups.isResolvable()) {
            throw new IllegalStateException("reconciler.events.queue-url is set but this build has no reconcile loop"
                    + " work queue to deliver events to (no single WorkQueueSink and TaskGroupLookup bean);"
                    + " unset reconciler.events.queue-url");
        }
        EventQueueSettings settings = new EventQueueSettings(config.queueUrl().get(), config.maxMessages(),
                config.waitTime());
        queue = SqsEventQueueGateway.connect(
                new AwsEndpoint(config.region().orElse(null), config.endpointOverride().orElse(null)), settings);
        intake = new EventIntake(queue, sinks.get(), groups.get()::groupOf, ownerId);
        registerMetrics(metrics, intake.counters());
        leadership.addListener(leading -> {
            if (leading) {
                intake.start();
            } else {
                intake.stop();
            }
        });
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        if (intake == null) {
            return;
        }
        intake.stop();
        if (!intake.awaitStopped(STOP_WAIT)) {
            LOG.debugf("Event intake's long poll is still in flight at shutdown; its messages reappear on the queue");
        }
        queue.close();
    }

    private static void registerMetrics(MeterRegistry metrics, EventIntakeCounters counters) {
        for (EventOutcome outcome : EventOutcome.values()) {
            FunctionCounter.builder("reconciler.events", counters, c -> c.count(outcome))
                    .description("Task-state events taken from the queue, by what was done with them")
                    .tag("outcome", outcome.tag())
                    .register(metrics);
        }
        FunctionCounter.builder("reconciler.event.receive.failures", counters, EventIntakeCounters::receiveFailures)
                .description("SQS ReceiveMessage calls that failed")
                .register(metrics);
    }
}
