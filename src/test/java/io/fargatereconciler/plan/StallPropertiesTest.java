package io.fargatereconciler.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.fargatereconciler.desired.CompleteWhen;
import io.fargatereconciler.desired.ConcurrencyPolicy;
import io.fargatereconciler.desired.DesiredState;
import io.fargatereconciler.desired.Job;
import io.fargatereconciler.desired.Metadata;
import io.fargatereconciler.desired.Network;
import io.fargatereconciler.desired.SourceLocation;
import io.fargatereconciler.desired.TaskGroup;
import io.fargatereconciler.desired.TaskSpec;
import io.fargatereconciler.observe.StopClassifier;
import io.fargatereconciler.plan.subnet.SubnetHealthSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Whatever the start-up durations, silent subnets and the time between an observation and the action on it, stall
 * handling never puts more live copies in a group than desired, and never lets a Job run's containers start twice
 * (a stall-stop may land after the task left PROVISIONING: then it must not be retried).
 */
class StallPropertiesTest {
    private static final Instant T0 = Fixtures.T0;
    private static final List<String> SUBNETS = List.of("subnet-a", "subnet-b");
    private static final Duration LENGTH = Duration.ofMinutes(40);

    @Test
    void stallHandlingNeverOvershootsAGroupNorStartsAJobRunTwice() {
        qt().withExamples(80).forAll(
                lists().of(integers().between(1, 150)).ofSizeBetween(1, 24),
                integers().between(0, 2),
                integers().between(0, 40),
                lists().of(integers().between(0, 25_000)).ofSizeBetween(1, 8)
        ).checkAssert((provisioningSeconds, silent, silentMinutes, latencyMillis) -> {
            StallWorld world = new StallWorld(provisioningSeconds.stream().map(s -> Duration.ofSeconds(s)).toList(),
                    SUBNETS.subList(0, silent), T0.plus(Duration.ofMinutes(silentMinutes)));
            run(world, latencyMillis.stream().map(ms -> Duration.ofMillis(ms)).toList());
        });
    }

    @Test
    void aStallStopThatLandsAfterTheTaskStartedNeverStartsTheRunAgain() {
        // Every start takes exactly the cap (90 s) plus a little; the stop lands 12 s after the observation, when the
        // task has left PROVISIONING (10 s) and is RUNNING (10 s PENDING): the race, every time.
        StallWorld world = new StallWorld(List.of(Duration.ofSeconds(92)), List.of(), T0);

        run(world, List.of(Duration.ofSeconds(12)));

        assertThat(world.tasks()).anySatisfy(task -> assertThat(task.stopReason).as("a stall-stop landed late")
                .startsWith(StopClassifier.OWN_STOP_PREFIX + StopClassifier.STALL_STOP_REASON));
    }

    private static void run(StallWorld world, List<Duration> latencies) {
        TaskGroup api = Fixtures.group("api", 5);
        Job job = job();
        DesiredState desired = DesiredState.of(List.of(api, job), T0);
        Planner planner = Planner.steeredByHealth(PlannerConfig.DEFAULTS, SubnetHealthSettings.DEFAULTS);
        PlannerMemory memory = PlannerMemory.initial(7);
        Instant now = T0;
        int acted = 0;
        while (now.isBefore(T0.plus(LENGTH))) {
            Plan plan = planner.plan(desired, world.observe(Fixtures.CLUSTER, Fixtures.OWNER, now), memory, now);
            memory = plan.memory();
            for (Action action : plan.actions()) {
                now = now.plus(latencies.get(acted++ % latencies.size()));
                holds(world, api, now);
                if (action instanceof Launch launch) {
                    memory = planner.afterLaunch(memory, launch, world.runTask(launch, now), now);
                } else {
                    Stop stop = (Stop) action;
                    memory = planner.afterStop(memory, stop, world.stopTask(stop, now), now);
                }
                holds(world, api, now);
            }
            Instant next = now.plusSeconds(5);
            if (plan.requeueAt() != null && plan.requeueAt().isBefore(next)) {
                next = plan.requeueAt().isAfter(now) ? plan.requeueAt() : now.plusSeconds(1);
            }
            now = next;
            holds(world, api, now);
        }
    }

    private static void holds(StallWorld world, TaskGroup api, Instant now) {
        assertThat(world.live(api.key(), now)).as("live copies of %s at %s", api.key(), now)
                .isLessThanOrEqualTo(api.replicas());
        assertThat(world.runningTasksByRun(now)).as("tasks of one Job run that started, at %s", now)
                .allSatisfy((run, started) -> assertThat(started).isLessThanOrEqualTo(1));
    }

    private static Job job() {
        TaskSpec spec = new TaskSpec(Fixtures.CLUSTER, "report:1", null, null, null,
                new Network(SUBNETS, List.of(), false), null, null, null, false, null, null);
        return new Job(new Metadata("report", Map.of()), new SourceLocation("desired-state/report.yaml", 1, 1), spec,
                "*/10 * * * *", ZoneId.of("UTC"), 6, ConcurrencyPolicy.Allow, null, CompleteWhen.Succeeded, false, 3, 3);
    }
}
