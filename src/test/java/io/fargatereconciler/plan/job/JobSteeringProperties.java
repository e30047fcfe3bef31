package io.fargatereconciler.plan.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.desired.CompleteWhen;
import io.fargatereconciler.desired.ConcurrencyPolicy;
import io.fargatereconciler.observe.ObservedTask;
import io.fargatereconciler.plan.Launch;
import io.fargatereconciler.plan.Ownership;
import io.fargatereconciler.plan.subnet.SubnetFailureKind;
import io.fargatereconciler.plan.subnet.SubnetHealthBook;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.time.Instant;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * With subnet health changing under it (ENI timeouts, failure streaks coming and going, lost answers, throttling,
 * ListTasks lag), steered Job launches never send one clientToken with two different requests, so ECS never answers
 * a re-sent attempt with a ConflictException, and no run ever has two live tasks, daemon restarts included.
 */
class JobSteeringProperties {

    enum Step {
        PASS, ADVANCE, ENI_FAILURE, REACH_RUNNING, EXIT_ONE, LOSE_ANSWER, THROTTLE, SERVER_ERROR, LAG, CATCH_UP,
        STREAK_IN_A, STREAK_IN_B, RESTART
    }

    record Move(Step step, int minutes) {
    }

    @Provide
    Arbitrary<List<Move>> movesWithoutRestart() {
        Arbitrary<Move> move = Combinators.combine(Arbitraries.of(Step.class).filter(step -> step != Step.RESTART),
                Arbitraries.integers().between(1, 90)).as(Move::new);
        return move.list().ofMinSize(20).ofMaxSize(150);
    }

    @Provide
    Arbitrary<List<Move>> moves() {
        Arbitrary<Move> move = Combinators.combine(Arbitraries.of(Step.class),
                Arbitraries.integers().between(1, 90)).as(Move::new);
        return move.list().ofMinSize(20).ofMaxSize(150);
    }

    @Property(tries = 300)
    void neverTwoDifferentLaunchRequestsWithTheSameToken(@ForAll("movesWithoutRestart") List<Move> moves,
                                                           @ForAll ConcurrencyPolicy policy) {
        JobWorld world = steeredWorld(policy);
        Map<String, Launch> firstByToken = new HashMap<>();

        for (Move move : moves) {
            play(world, move);
            world.pass();

            for (Launch launch : world.launches) {
                Launch first = firstByToken.computeIfAbsent(launch.clientToken(), token -> launch);
                assertThat(launch.subnets()).as("subnets of token %s", launch.clientToken()).isEqualTo(first.subnets());
                assertThat(launch.extraTags()).as("tags of token %s", launch.clientToken()).isEqualTo(first.extraTags());
            }
            assertThat(world.conflicts).as("RunTask calls ECS refused with ConflictException").isEmpty();
            assertOneLiveTaskPerRun(world);
        }
    }

    @Property(tries = 200)
    void steeredRunsNeverRunTwiceAcrossRestarts(@ForAll("moves") List<Move> moves, @ForAll ConcurrencyPolicy policy) {
        JobWorld world = steeredWorld(policy);

        for (Move move : moves) {
            play(world, move);
            world.pass();

            assertOneLiveTaskPerRun(world);
            assertThat(world.launches).allSatisfy(launch ->
                    assertThat(world.job.task().network().subnets()).containsAll(launch.subnets()));
        }
    }

    private static JobWorld steeredWorld(ConcurrencyPolicy policy) {
        JobWorld world = new JobWorld(TestJobs.scheduled("*/20 * * * *").concurrency(policy)
                .completeWhen(CompleteWhen.Succeeded).build(), Instant.parse("2024-05-01T09:59:00Z"));
        world.subnetHealth = SubnetHealthBook.EMPTY;
        return world;
    }

    private static void assertOneLiveTaskPerRun(JobWorld world) {
        Map<String, Long> liveByRun = world.liveTasks().stream()
                .collect(Collectors.groupingBy(task -> task.tags().get(Ownership.JOB_RUN_TAG), Collectors.counting()));
        assertThat(liveByRun).as("live tasks per run").allSatisfy((run, count) -> assertThat(count).isEqualTo(1));
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
            case EXIT_ONE -> {
                if (some != null && some.startedAt() != null) {
                    world.exits(some.taskArn(), 1);
                }
            }
            case LOSE_ANSWER -> world.answersToLose = 1;
            case THROTTLE -> world.nextRunTaskAnswers.add(launch -> JobLaunchResult.throttled("Rate exceeded"));
            case SERVER_ERROR -> world.nextRunTaskAnswers.add(launch -> JobLaunchResult.serverError("InternalError"));
            case LAG -> {
                if (some != null) {
                    world.hidden.add(some.taskArn());
                }
            }
            case CATCH_UP -> world.hidden.clear();
            case STREAK_IN_A, STREAK_IN_B -> {
                String subnet = move.step() == Step.STREAK_IN_A ? "subnet-a" : "subnet-b";
                for (int i = 0; i < 2; i++) {
                    world.subnetHealth = world.subnetHealth.afterFailure(subnet, SubnetFailureKind.ENI_PROVISIONING,
                            "Timeout waiting for network interface provisioning to complete.", world.now, world.now);
                }
            }
            case RESTART -> world.restartDaemon();
        }
        world.advance(Duration.ofSeconds(30));
    }
}
