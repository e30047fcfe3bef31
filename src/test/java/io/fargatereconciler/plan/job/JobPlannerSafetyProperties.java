package io.fargatereconciler.plan.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.desired.CompleteWhen;
import io.fargatereconciler.desired.ConcurrencyPolicy;
import io.fargatereconciler.observe.ContainerExit;
import io.fargatereconciler.observe.ObservedTask;
import io.fargatereconciler.plan.Ownership;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever ECS does (start failures, exits, lost RunTask answers, ListTasks lag, daemon restarts, time jumps), the Job
 * planner never runs a run twice and plans the same way for the same inputs.
 */
class JobPlannerSafetyProperties {

    enum Step { PASS, ADVANCE, ENI_FAILURE, REACH_RUNNING, EXIT_ZERO, EXIT_ONE, LOSE_ANSWER, LAG, CATCH_UP, RESTART }

    record Move(Step step, int minutes) {
    }

    @Provide
    Arbitrary<List<Move>> moves() {
        Arbitrary<Move> move = Combinators.combine(
                Arbitraries.of(Step.class), Arbitraries.integers().between(1, 90)).as(Move::new);
        return move.list().ofMinSize(20).ofMaxSize(150);
    }

    @Property(tries = 300)
    void noRunIsEverRunTwice(@ForAll("moves") List<Move> moves, @ForAll ConcurrencyPolicy policy,
                             @ForAll CompleteWhen completeWhen, @ForAll @IntRange(max = 3) int backoffLimit) {
        JobWorld world = new JobWorld(TestJobs.scheduled("*/20 * * * *").concurrency(policy).completeWhen(completeWhen)
                .backoffLimit(backoffLimit).build(), Instant.parse("2024-05-01T09:59:00Z"));
        Set<String> succeededRuns = new HashSet<>();

        for (Move move : moves) {
            play(world, move);
            world.pass();

            Map<String, Long> liveByRun = world.liveTasks().stream()
                    .collect(Collectors.groupingBy(JobPlannerSafetyProperties::runOf, Collectors.counting()));
            assertThat(liveByRun).as("live tasks per run").allSatisfy((run, count) -> assertThat(count).isEqualTo(1));
            for (ObservedTask task : world.allTasks()) {
                if (succeededRuns.contains(runOf(task))) {
                    assertThat(task.createdAt()).as("a task of run %s after it succeeded", runOf(task))
                            .isBefore(world.now);
                }
            }
            world.allTasks().stream().filter(JobPlannerSafetyProperties::succeeded).map(JobPlannerSafetyProperties::runOf)
                    .forEach(succeededRuns::add);
            if (completeWhen == CompleteWhen.Running) {
                world.allTasks().stream().filter(task -> task.startedAt() != null)
                        .map(JobPlannerSafetyProperties::runOf).forEach(succeededRuns::add);
            }
        }
    }

    @Property(tries = 200)
    void theSameInputsGiveTheSamePlan(@ForAll("moves") List<Move> moves, @ForAll ConcurrencyPolicy policy) {
        JobWorld world = new JobWorld(TestJobs.scheduled("*/20 * * * *").concurrency(policy).build(),
                Instant.parse("2024-05-01T09:59:00Z"));
        for (Move move : moves) {
            play(world, move);
            List<ObservedTask> seen = world.liveTasks();
            JobPlanner planner = new JobPlanner();

            JobPlan once = planner.plan(world.job, seen, world.memory, world.now);
            JobPlan again = planner.plan(world.job, seen, world.memory, world.now);

            assertThat(again).isEqualTo(once);
            world.pass();
        }
    }

    private static void play(JobWorld world, Move move) {
        List<ObservedTask> live = world.liveTasks();
        ObservedTask some = live.isEmpty() ? null : live.get(move.minutes() % live.size());
        switch (move.step()) {
            case PASS -> { }
            case ADVANCE -> world.advance(Duration.ofMinutes(move.minutes()));
            case ENI_FAILURE -> {
                if (some != null && some.startedAt() == null) {
                    world.eniTimeout(some.taskArn());
                }
            }
            case REACH_RUNNING -> {
                if (some != null && some.startedAt() == null) {
                    world.running(some.taskArn());
                }
            }
            case EXIT_ZERO, EXIT_ONE -> {
                if (some != null && some.startedAt() != null) {
                    world.exits(some.taskArn(), move.step() == Step.EXIT_ZERO ? 0 : 1);
                }
            }
            case LOSE_ANSWER -> world.answersToLose = 1;
            case LAG -> {
                if (some != null) {
                    world.hidden.add(some.taskArn());
                }
            }
            case CATCH_UP -> world.hidden.clear();
            case RESTART -> world.restartDaemon();
        }
        world.advance(Duration.ofSeconds(30));
    }

    private static String runOf(ObservedTask task) {
        return task.tags().get(Ownership.JOB_RUN_TAG);
    }

    private static boolean succeeded(ObservedTask task) {
        return task.isStopped() && task.containers().stream().filter(ContainerExit::essential)
                .allMatch(c -> Integer.valueOf(0).equals(c.exitCode())) && !task.containers().isEmpty();
    }
}
