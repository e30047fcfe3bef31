package io.fargatereconciler.plan;

import static io.fargatereconciler.plan.Fixtures.T0;
import static io.fargatereconciler.plan.Fixtures.group;
import static io.fargatereconciler.plan.Fixtures.observed;
import static io.fargatereconciler.plan.Fixtures.running;
import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.desired.DesiredState;
import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.desired.TaskGroup;
import io.fargatereconciler.observe.ObservedState;
import io.fargatereconciler.observe.ObservedTask;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Orphans: copies of ours whose group is not declared are counted and kept, and stopped only with
 * {@code reconciler.orphans.stop-after}, once orphaned that long, while the desired state is complete, bounded per pass.
 */
class OrphansTest {
    private static final Duration HOUR = Duration.ofHours(1);
    private final TaskGroup api = group("api", 1);
    private final TaskGroup removed = group("removed", 2);
    private final ObservedState world = observed(T0, running(api, "arn:api", T0.minusSeconds(600)),
            running(removed, "arn:r1", T0.minusSeconds(600)), running(removed, "arn:r2", T0.minusSeconds(600)));

    @Test
    void countsOrphansButNeverStopsThemWithoutTheOptIn() {
        Planner planner = new Planner(PlannerConfig.DEFAULTS);
        PlannerMemory memory = Fixtures.runningDaemon();

        Plan first = planner.plan(complete(api), world, memory, T0);
        Plan dayLater = planner.plan(complete(api), world, first.memory(), T0.plus(Duration.ofDays(1)));

        assertThat(dayLater.stops()).isEmpty();
        OrphanGroup orphan = dayLater.orphans().get(removed.key());
        assertThat(orphan.tasks()).extracting(OrphanTask::taskArn).containsExactly("arn:r1", "arn:r2");
        assertThat(orphan.orphanedSince()).isEqualTo(T0);
        assertThat(orphan.stopAt()).isNull();
    }

    @Test
    void stopsOrphansOnlyOnceTheyHaveBeenOrphanedForTheDelay() {
        Planner planner = new Planner(PlannerConfig.DEFAULTS.withOrphanStopAfter(HOUR));

        Plan first = planner.plan(complete(api), world, Fixtures.runningDaemon(), T0);
        Plan justBefore = planner.plan(complete(api), world, first.memory(), T0.plus(HOUR).minusSeconds(1));
        Plan due = planner.plan(complete(api), world, justBefore.memory(), T0.plus(HOUR));

        assertThat(first.stops()).isEmpty();
        assertThat(first.orphans().get(removed.key()).stopAt()).isEqualTo(T0.plus(HOUR));
        assertThat(first.requeueAt()).as("a pass is due when the delay ends").isEqualTo(T0.plus(HOUR));
        assertThat(justBefore.stops()).isEmpty();
        assertThat(due.stops()).extracting(Stop::taskArn).containsExactly("arn:r1", "arn:r2");
        assertThat(due.stops()).allSatisfy(stop -> assertThat(stop.reason()).startsWith("orphaned: TaskGroup/removed"
                + " is not in the desired state since " + T0));
    }

    @Test
    void neverStopsOrphansWhileTheDesiredStateInForceIsIncomplete() {
        Planner planner = new Planner(PlannerConfig.DEFAULTS.withOrphanStopAfter(HOUR));
        DesiredState incomplete = new DesiredState(Map.of(api.key(), api), T0, Map.of(), Map.of(), false);

        Plan first = planner.plan(incomplete, world, Fixtures.runningDaemon(), T0);
        Plan later = planner.plan(incomplete, world, first.memory(), T0.plus(Duration.ofDays(2)));

        assertThat(later.stops()).isEmpty();
        assertThat(later.orphans().get(removed.key()).kept()).contains("the desired state in force is incomplete");
        Plan complete = planner.plan(complete(api), world, later.memory(), T0.plus(Duration.ofDays(2)));
        assertThat(complete.stops()).as("orphaned all along: stopped once the state is complete").hasSize(2);
    }

    @Test
    void stopsNoMoreOrphansPerPassThanTheStopBoundLeaves() {
        Planner planner = new Planner(PlannerConfig.DEFAULTS.withOrphanStopAfter(HOUR).withMaxStopsPerPass(3));
        List<ObservedTask> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tasks.add(running(removed, "arn:r" + i, T0.minusSeconds(600)));
        }
        ObservedState eight = observed(T0, tasks);

        Plan first = planner.plan(complete(api), eight, Fixtures.runningDaemon(), T0);
        Plan due = planner.plan(complete(api), eight, first.memory(), T0.plus(HOUR));

        assertThat(due.stops()).hasSize(3);
        assertThat(due.orphans().get(removed.key()).kept()).contains("stop bound");
    }

    @Test
    void doesNotStopTheSameOrphanAgainWhileECSStillListsItAsLive() {
        Planner planner = new Planner(PlannerConfig.DEFAULTS.withOrphanStopAfter(HOUR));
        Plan first = planner.plan(complete(api), world, Fixtures.runningDaemon(), T0);
        Plan due = planner.plan(complete(api), world, first.memory(), T0.plus(HOUR));
        Instant stoppedAt = T0.plus(HOUR);
        PlannerMemory memory = due.memory();
        for (Stop stop : due.stops()) {
            memory = planner.afterStop(memory, stop, StopResult.stopped(), stoppedAt);
        }

        Plan lagging = planner.plan(complete(api), world, memory, stoppedAt.plusSeconds(5));

        assertThat(lagging.stops()).isEmpty();
    }

    @Test
    void forgetsAnOrphanWhoseGroupIsDeclaredAgain() {
        Planner planner = new Planner(PlannerConfig.DEFAULTS.withOrphanStopAfter(HOUR));
        Plan first = planner.plan(complete(api), world, Fixtures.runningDaemon(), T0);

        Plan back = planner.plan(complete(api, removed), world, first.memory(), T0.plus(HOUR));

        assertThat(back.orphans()).isEmpty();
        assertThat(back.stops()).isEmpty();
        assertThat(back.memory().orphans().entry(ResourceKey.taskGroup("removed"))).isEmpty();
    }

    private static DesiredState complete(TaskGroup... groups) {
        return DesiredState.of(List.of(groups), T0);
    }
}
