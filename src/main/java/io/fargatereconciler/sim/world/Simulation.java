package io.fargatereconciler.sim.world;

import io.fargatereconciler.sim.SimulatorConfig;
import io.fargatereconciler.sim.ec2.Ec2State;
import io.fargatereconciler.sim.ecs.Arns;
import io.fargatereconciler.sim.ecs.EcsState;
import io.fargatereconciler.sim.ecs.SimTask;
import io.fargatereconciler.sim.ecs.TaskDefinitionRegistry;
import io.fargatereconciler.sim.ecs.TaskJson;
import io.fargatereconciler.sim.ecs.TaskLifecycle;
import io.fargatereconciler.sim.events.EventHub;
import io.fargatereconciler.sim.faults.FaultState;
import io.fargatereconciler.sim.sns.SnsState;
import java.time.InstantSource;
import java.util.Random;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongFunction;

/**
 * The simulated world and its one lock. Every request and every clock advance goes through {@link #apply}: take the
 * lock, run every timed event due by now, do the work, run what became due, release, then deliver events. So the
 * state seen by any call is exactly the state at {@code clock.instant()}.
 */
public final class Simulation {
    private final SimulatorConfig config;
    private final InstantSource clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Timeline timeline = new Timeline();
    private final Random random;
    private final Ids ids;
    private final long startMillis;
    private final Arns arns;
    private final EcsState ecs;
    private final Ec2State ec2;
    private final SnsState sns;
    private final FaultState faults;
    private final TaskJson taskJson;
    private final EventHub events;
    private final TaskLifecycle lifecycle;
    private final ApiCallCounter calls = new ApiCallCounter();

    public Simulation(SimulatorConfig config, InstantSource clock) {
        this.config = config;
        this.clock = clock;
        this.random = new Random(config.seed());
        this.ids = new Ids(random);
        this.startMillis = clock.millis();
        this.arns = new Arns(config.region(), config.accountId());
        this.ecs = new EcsState(arns);
        this.ec2 = new Ec2State(config.region(), config.subnets(), config.securityGroups());
        this.sns = new SnsState(config.region(), config.accountId());
        this.faults = new FaultState(config.faults(), startMillis);
        this.taskJson = new TaskJson(arns);
        this.events = new EventHub(taskJson, ids, config.region(), config.accountId());
        this.lifecycle = new TaskLifecycle(timeline, arns, config.lifecycle(), config.retention(), ec2, ids, events,
                this::forget, random);
        config.clusters().forEach(ecs::createCluster);
        config.topics().forEach(sns::createTopic);
        config.taskDefinitions().forEach(seed -> TaskDefinitionRegistry.registerSeed(ecs, seed, startMillis));
        if (config.eventsQueueUrl() != null) {
            events.sendToQueue(config.eventsQueueUrl());
        }
    }

    /** Runs {@code operation} on the world as it is now; the argument is the current time in epoch millis. */
    public <T> T apply(LongFunction<T> operation) {
        T result;
        lock.lock();
        try {
            long now = clock.millis();
            timeline.runDue(now);
            result = operation.apply(now);
            timeline.runDue(now);
        } finally {
            lock.unlock();
        }
        events.deliverPending();
        return result;
    }

    /** Processes everything due by now (called when the clock advances and by the real-time ticker). */
    public void catchUp() {
        apply(now -> null);
    }

    private void forget(SimTask task) {
        task.cluster().remove(task);
    }

    public SimulatorConfig config() {
        return config;
    }

    public InstantSource clock() {
        return clock;
    }

    public long startMillis() {
        return startMillis;
    }

    public Random random() {
        return random;
    }

    public Ids ids() {
        return ids;
    }

    public Arns arns() {
        return arns;
    }

    public EcsState ecs() {
        return ecs;
    }

    public Ec2State ec2() {
        return ec2;
    }

    public SnsState sns() {
        return sns;
    }

    public FaultState faults() {
        return faults;
    }

    public TaskJson taskJson() {
        return taskJson;
    }

    public EventHub events() {
        return events;
    }

    public TaskLifecycle lifecycle() {
        return lifecycle;
    }

    public ApiCallCounter calls() {
        return calls;
    }

    public int pendingTimedEvents() {
        return timeline.pending();
    }
}
