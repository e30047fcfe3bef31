package io.fargatereconciler.plan;

import io.fargatereconciler.desired.DesiredState;
import io.fargatereconciler.desired.ResourceKey;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Drives the planner against a {@link FakeWorld} the way the loop will: observe, plan, carry out every action,
 * fold each result into memory, wait. After every step it hands the runner to an invariant check.
 */
final class PassRunner {
    final Planner planner;
    DesiredState desired;
    FakeWorld world;
    PlannerMemory memory;
    Instant now;
    Plan lastPlan;
    private final Duration passEvery;
    private final Consumer<PassRunner> invariant;

    PassRunner(Planner planner, DesiredState desired, FakeWorld world, Instant start, Duration passEvery,
               Consumer<PassRunner> invariant) {
        this.planner = planner;
        this.desired = desired;
        this.world = world;
        this.memory = PlannerMemory.initial(7);
        this.now = start;
        this.passEvery = passEvery;
        this.invariant = invariant;
    }

    void pass() {
        invariant.accept(this);
        lastPlan = planner.plan(desired, world.observe(Fixtures.CLUSTER, Fixtures.OWNER, now), memory, now);
        memory = lastPlan.memory();
        for (Action action : lastPlan.actions()) {
            if (action instanceof Launch launch) {
                FakeWorld.Answer<LaunchResult> answer = world.runTask(launch, now);
                world = answer.world();
                memory = planner.afterLaunch(memory, launch, answer.result(), now);
            } else if (action instanceof Stop stop) {
                FakeWorld.Answer<StopResult> answer = world.stopTask(stop, now);
                world = answer.world();
                memory = planner.afterStop(memory, stop, answer.result(), now);
            }
            invariant.accept(this);
        }
        now = now.plus(passEvery);
    }

    void passes(int count) {
        for (int i = 0; i < count; i++) {
            pass();
        }
    }

    /** Runs passes until {@code duration} has gone by. */
    void runFor(Duration duration) {
        Instant end = now.plus(duration);
        while (now.isBefore(end)) {
            pass();
        }
    }

    /** The daemon restarts: everything the planner remembered is gone. */
    void restart() {
        memory = PlannerMemory.initial(11);
    }

    long live(ResourceKey group) {
        return world.live(group, now);
    }

    long running(ResourceKey group) {
        return world.running(group, now);
    }
}
