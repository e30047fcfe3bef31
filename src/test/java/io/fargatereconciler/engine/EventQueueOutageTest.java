package io.fargatereconciler.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fargatereconciler.aws.EcsConfig;
import io.fargatereconciler.loop.events.EventIntake;
import io.fargatereconciler.plan.PlannerConfig;
import io.fargatereconciler.sim.TaskSnapshot;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Events are hints: when the queue goes away mid-run (the SQS server stops, or the queue is deleted), a killed task
 * is still replaced by the periodic resync, within one resync interval, and the intake says so once in the log
 * instead of failing the daemon. Passes run on virtual time with the documented 30 s resync; the intake's failing
 * receives happen in real time.
 */
@QuarkusTest
class EventQueueOutageTest {
    private static final TestLoopSettings RESYNC = TestLoopSettings.DEFAULTS;
    private static final Duration ONE_RESYNC = Duration.ofMillis(
            Math.round(RESYNC.resyncInterval().toMillis() * (1 + RESYNC.resyncJitter())));

    @Inject
    EcsConfig ecsConfig;

    private final List<LogRecord> intakeLog = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            intakeLog.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private SimulatedAccount account;
    private SimulatorEventQueue events;

    @BeforeEach
    void captureIntakeLog() {
        Logger.getLogger(EventIntake.class.getName()).addHandler(capture);
    }

    @AfterEach
    void closeEverything() throws Exception {
        Logger.getLogger(EventIntake.class.getName()).removeHandler(capture);
        if (events != null) {
            events.close();
        }
        if (account != null) {
            account.close();
        }
    }

    @Test
    void replacesAKilledTaskWithinOneResyncAfterTheSqsServerStops() {
        replacesAKilledTaskWithinOneResyncAfter(SimulatorEventQueue::stopServer);
    }

    @Test
    void replacesAKilledTaskWithinOneResyncAfterTheQueueIsDeleted() {
        replacesAKilledTaskWithinOneResyncAfter(SimulatorEventQueue::deleteQueue);
    }

    private void replacesAKilledTaskWithinOneResyncAfter(Consumer<SimulatorEventQueue> outage) {
        account = new SimulatedAccount(ecsConfig, config -> { });
        account.desire(SimulatedAccount.group("api", 3, "api:1"));
        Daemon daemon = new Daemon(account, 41, gateway -> gateway, PlannerConfig.DEFAULTS, RESYNC);
        daemon.runFor(Duration.ofMinutes(12));
        events = new SimulatorEventQueue(account, daemon);
        TaskSnapshot first = account.oldestRunning();
        Set<String> beforeFirst = account.taskArns();
        account.admin().killTask(first.taskArn(), 137);
        events.awaitAllRouted(Duration.ofSeconds(20));
        daemon.loop.runDue();
        assertThat(account.taskArns()).as("with the queue up, the event made the replacement at once")
                .hasSize(beforeFirst.size() + 1);
        daemon.runFor(Duration.ofSeconds(45));

        outage.accept(events);
        await().atMost(Duration.ofSeconds(20)).until(() -> events.counters().receiveFailures() > 0);
        justAfterAResync(daemon);
        long routedBeforeKill = events.routed();
        TaskSnapshot second = account.oldestRunning();
        Set<String> beforeSecond = account.taskArns();
        Instant killedAt = account.clock.instant();
        account.admin().killTask(second.taskArn(), 137);
        Instant replacedAt = null;
        while (replacedAt == null && account.clock.instant().isBefore(killedAt.plus(ONE_RESYNC.multipliedBy(2)))) {
            daemon.loop.runDue();
            replacedAt = newTask(beforeSecond).map(TaskSnapshot::createdAt).orElse(null);
            account.advance(Duration.ofSeconds(1));
        }

        assertThat(replacedAt).as("the killed task was replaced").isNotNull();
        System.out.printf("Queue gone: killed task replaced %d s (simulated) after the kill, by the resync%n",
                Duration.between(killedAt, replacedAt).toSeconds());
        assertThat(Duration.between(killedAt, replacedAt)).as("replaced within one resync interval (with jitter)")
                .isLessThanOrEqualTo(ONE_RESYNC);
        assertThat(events.routed()).as("no event reached the intake after the outage: the resync did it")
                .isEqualTo(routedBeforeKill);
        daemon.runFor(Duration.ofMinutes(1));
        assertThat(account.running()).isEqualTo(3);
        assertThat(daemon.health.lastPassCompletedAt()).as("passes keep completing")
                .hasValueSatisfying(at -> assertThat(at).isAfter(account.clock.instant().minus(RESYNC.resyncInterval())));
        assertThat(daemon.health.unreachableClusters()).as("ECS stays reachable").isEmpty();
        List<String> receiveWarnings = intakeLog.stream()
                .filter(record -> record.getLevel().intValue() >= Level.WARNING.intValue())
                .map(EventQueueOutageTest::message).filter(text -> text.contains("cannot receive")).toList();
        assertThat(receiveWarnings).as("one warning for the outage, however many receives fail").hasSize(1);
        assertThat(receiveWarnings.get(0)).contains("Event intake cannot receive from " + events.queueUrl)
                .contains("the periodic resync keeps reconciling");
    }

    /** Runs second by second until a resync pass has just run: the kill then waits out nearly a whole interval. */
    private void justAfterAResync(Daemon daemon) {
        Duration nearlyWhole = RESYNC.resyncInterval().multipliedBy(8).dividedBy(10);
        while (daemon.loop.nextPassAt().filter(next -> next.isAfter(account.clock.instant().plus(nearlyWhole)))
                .isEmpty()) {
            daemon.loop.runDue();
            account.advance(Duration.ofSeconds(1));
        }
    }

    private Optional<TaskSnapshot> newTask(Set<String> before) {
        return account.admin().tasks(SimulatedAccount.CLUSTER).stream()
                .filter(task -> !before.contains(task.taskArn())).findFirst();
    }

    private static String message(LogRecord record) {
        Object[] parameters = record.getParameters();
        String text = record.getMessage();
        return parameters == null || parameters.length == 0 ? text : String.format(text, parameters);
    }
}
