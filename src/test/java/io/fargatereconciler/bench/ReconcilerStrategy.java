package io.fargatereconciler.bench;

import io.fargatereconciler.engine.Daemon;
import io.fargatereconciler.engine.SimulatedAccount;
import io.fargatereconciler.engine.TestLoopSettings;
import io.fargatereconciler.loop.JobNotifications;
import io.fargatereconciler.loop.LoopEventSink;
import io.fargatereconciler.loop.events.EventIntake;
import io.fargatereconciler.loop.leader.SoleReplicaLeadership;
import io.fargatereconciler.plan.LaunchBudget;
import io.fargatereconciler.plan.Ownership;
import io.fargatereconciler.plan.PlannerConfig;
import io.fargatereconciler.sim.TaskSnapshot;
import java.time.Duration;

/**
 * Our reconciler with its defaults (planner, loop: 30 s resync with 10 % jitter), built by the engine tests' own
 * wiring ({@link Daemon}), its ECS calls taking the scenario's {@link CallLatency}; optionally with the event path
 * ({@link SimulatorEventQueue} into the real {@link EventIntake}).
 */
final class ReconcilerStrategy implements Strategy {
    private final String name;
    private final Daemon daemon;
    private final SimulatorEventQueue events;
    private final EventIntake intake;
    private final AutoCloseable listener;
    private final CallLatency callLatency;

    private ReconcilerStrategy(String name, SimulatedAccount account, long seed, Duration latency,
                               JobNotifications notifications, boolean withEvents) {
        this(name, account, seed, latency, notifications, withEvents, PlannerConfig.DEFAULTS);
    }

    private ReconcilerStrategy(String name, SimulatedAccount account, long seed, Duration latency,
                               JobNotifications notifications, boolean withEvents, PlannerConfig planner) {
        this.name = name;
        this.callLatency = new CallLatency(account.clock, latency);
        this.daemon = new Daemon(account, seed, callLatency::wrap, planner, TestLoopSettings.DEFAULTS,
                notifications, new SoleReplicaLeadership("bench", account.clock.instant()));
        if (withEvents) {
            events = new SimulatorEventQueue();
            LoopEventSink sink = new LoopEventSink(daemon.loop, account::desired);
            intake = new EventIntake(events, sink, sink, Ownership.DEFAULT_OWNER_ID);
            listener = account.admin().addTaskStateChangeListener(events);
            intake.start();
        } else {
            events = null;
            intake = null;
            listener = null;
        }
    }

    static ReconcilerStrategy polling(SimulatedAccount account, long seed, Duration latency) {
        return new ReconcilerStrategy("fargate-reconciler", account, seed, latency, JobNotifications.loggedOnly(), false);
    }

    /** Polling, with no launch reserve for other RunTask users: the launch budget starts at the account's rates. */
    static ReconcilerStrategy pollingWithoutReserve(SimulatedAccount account, long seed, Duration latency) {
        PlannerConfig noReserve = PlannerConfig.DEFAULTS.withLaunchBudget(LaunchBudget.Limits.belowAccount(20, 100, 20,
                100, 0, LaunchBudget.Limits.DEFAULT.increasePerMinute()));
        return new ReconcilerStrategy("fargate-reconciler, no reserve", account, seed, latency,
                JobNotifications.loggedOnly(), false, noReserve);
    }

    static ReconcilerStrategy withEvents(SimulatedAccount account, long seed, Duration latency) {
        return new ReconcilerStrategy("fargate-reconciler + events", account, seed, latency,
                JobNotifications.loggedOnly(), true);
    }

    static ReconcilerStrategy notifying(SimulatedAccount account, long seed, Duration latency,
                                        JobNotifications notifications, boolean withEvents) {
        return new ReconcilerStrategy(withEvents ? "fargate-reconciler + events" : "fargate-reconciler", account, seed,
                latency, notifications, withEvents);
    }

    Daemon daemon() {
        return daemon;
    }

    /** ECS calls our gateway made, counted on our side. */
    long ecsCalls() {
        return callLatency.calls();
    }

    @Override
    public String name() {
        return name;
    }

    /** Our tasks carry startedBy {@code fargate-reconciler} and the group tag {@code TaskGroup/<name>}. */
    @Override
    public String groupOf(TaskSnapshot task) {
        if (!Ownership.DEFAULT_OWNER_ID.equals(task.startedBy())) {
            return null;
        }
        return Strategy.suffixAfter("TaskGroup/", task.tags().get(Ownership.GROUP_TAG));
    }

    @Override
    public void runDue() {
        if (events != null) {
            events.awaitHandled(intake);
        }
        daemon.loop.runDue();
    }

    @Override
    public void close() {
        if (intake != null) {
            intake.stop();
            try {
                intake.awaitStopped(Duration.ofSeconds(5));
                listener.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not stop the event intake", e);
            }
        }
    }
}
