package io.fargatereconciler.plan;

import static io.fargatereconciler.plan.Fixtures.CLUSTER;
import static io.fargatereconciler.plan.Fixtures.OWNER;
import static io.fargatereconciler.plan.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.desired.BackoffPolicy;
import io.fargatereconciler.desired.DesiredState;
import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.desired.RolloutPolicy;
import io.fargatereconciler.desired.TaskGroup;
import io.fargatereconciler.observe.ObservedState;
import io.fargatereconciler.observe.ObservedTask;
import io.fargatereconciler.observe.StopCause;
import io.fargatereconciler.observe.TaskStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Invariants of one plan, over random desired states, observations (ours, foreign, untagged, any status, old and
 * new specs), budgets and a first pass whose launches got random results. Each plan checked is the second pass.
 */
class PlannerPropertiesTest {
    private static final String[] NAMES = {"a", "b", "c", "gone"};

    record GroupGen(int replicas, int taskDefinition, int maxSurge, int maxUnavailable) {
        TaskGroup build(String name) {
            RolloutPolicy rollout = maxSurge == 0 && maxUnavailable == 0 ? RolloutPolicy.DEFAULT
                    : new RolloutPolicy(maxSurge, maxUnavailable);
            return Fixtures.group(name, replicas, "app:" + taskDefinition, rollout, BackoffPolicy.DEFAULT);
        }
    }

    record TaskGen(int group, int taskDefinition, TaskStatus status, boolean stopRequested, boolean ours,
                   boolean tagged, int ageSeconds, StopCause cause) {
    }

    record Input(DesiredState desired, ObservedState first, ObservedState second, PlannerConfig config,
                 List<LaunchResult.Outcome> outcomes, Set<Integer> listedLaunches, int gapSeconds) {
    }

    @Provide
    Arbitrary<Input> inputs() {
        Arbitrary<GroupGen> group = Combinators.combine(Arbitraries.integers().between(0, 15),
                Arbitraries.integers().between(1, 2), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 2)).as(GroupGen::new);
        Arbitrary<TaskGen> task = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(1, 2), Arbitraries.of(TaskStatus.class), Arbitraries.of(true, false,
                        false, false), Arbitraries.of(true, true, true, false), Arbitraries.of(true, true, true, false),
                Arbitraries.integers().between(0, 3600), Arbitraries.of(StopCause.class)).as(TaskGen::new);
        Arbitrary<PlannerConfig> config = Combinators.combine(Arbitraries.integers().between(1, 12),
                Arbitraries.integers().between(1, 30), Arbitraries.integers().between(1, 40))
                .as((stops, calls, tasks) -> PlannerConfig.DEFAULTS.withMaxStopsPerPass(stops)
                        .withLaunchBudget(new LaunchBudget.Limits(1, calls, 2, tasks)));
        return Combinators.combine(group.list().ofMinSize(1).ofMaxSize(3), task.list().ofMaxSize(40), config,
                        Arbitraries.of(LaunchResult.Outcome.class).list().ofMinSize(1).ofMaxSize(8),
                        Arbitraries.integers().between(0, 60).set().ofMaxSize(20),
                        Arbitraries.integers().between(0, 400))
                .as((groups, tasks, cfg, outcomes, listed, gap) -> {
                    List<TaskGroup> built = new ArrayList<>();
                    for (int i = 0; i < groups.size(); i++) {
                        built.add(groups.get(i).build(NAMES[i]));
                    }
                    List<ObservedTask> observed = new ArrayList<>();
                    for (int i = 0; i < tasks.size(); i++) {
                        observed.add(observedTask(tasks.get(i), i));
                    }
                    ObservedState first = Fixtures.observed(T0, observed);
                    return new Input(DesiredState.of(built, T0), first, null, cfg, outcomes, listed, gap);
                });
    }

    private static ObservedTask observedTask(TaskGen t, int index) {
        TaskGroup group = Fixtures.group(NAMES[t.group()], 1, "app:" + t.taskDefinition(), RolloutPolicy.DEFAULT,
                BackoffPolicy.DEFAULT);
        Instant created = T0.minusSeconds(t.ageSeconds());
        boolean stopped = t.status() == TaskStatus.STOPPED;
        return new ObservedTask("arn:observed-" + index, CLUSTER, t.tagged() ? group.key() : null,
                t.tagged() ? group.task().specHash() : null, t.ours() ? OWNER : "someone-else", t.status(),
                t.stopRequested() || stopped ? TaskStatus.STOPPED : TaskStatus.RUNNING, created,
                t.status().compareTo(TaskStatus.RUNNING) >= 0 ? created.plusSeconds(1) : null,
                stopped ? T0 : null, "subnet-a", null, stopped ? "reason" : null, stopped ? t.cause() : null,
                List.of(), Map.of());
    }

    /** The first pass, its launches carried out with the generated outcomes, and the second observation. */
    private static Checked secondPass(Input input) {
        Planner planner = new Planner(input.config());
        Plan first = planner.plan(input.desired(), input.first(), Fixtures.runningDaemon(), T0);
        PlannerMemory memory = first.memory();
        List<ObservedTask> second = new ArrayList<>(input.first().clusters().get(CLUSTER).tasks());
        int launched = 0;
        for (int i = 0; i < first.launches().size(); i++) {
            Launch launch = first.launches().get(i);
            LaunchResult.Outcome outcome = input.outcomes().get(i % input.outcomes().size());
            List<String> arns = new ArrayList<>();
            for (int c = 0; c < launch.count(); c++, launched++) {
                arns.add("arn:launched-" + launched);
                if (outcome == LaunchResult.Outcome.STARTED && input.listedLaunches().contains(launched)) {
                    TaskGroup group = (TaskGroup) input.desired().get(launch.group()).orElseThrow();
                    second.add(Fixtures.task(group, "arn:launched-" + launched, TaskStatus.PROVISIONING, T0));
                }
            }
            memory = planner.afterLaunch(memory, launch, result(outcome, arns), T0);
        }
        Instant now = T0.plusSeconds(input.gapSeconds());
        ObservedState observed = Fixtures.observed(now, second);
        return new Checked(planner, input.desired(), observed, memory, now,
                planner.plan(input.desired(), observed, memory, now));
    }

    private static LaunchResult result(LaunchResult.Outcome outcome, List<String> arns) {
        return switch (outcome) {
            case STARTED -> LaunchResult.started(arns, List.of());
            case TOKEN_REUSED -> LaunchResult.tokenReused(arns);
            case TOKEN_CONFLICT -> LaunchResult.tokenConflict("conflict");
            case THROTTLED -> LaunchResult.throttled("Rate exceeded");
            case SERVER_ERROR -> LaunchResult.serverError("503");
            case REJECTED -> LaunchResult.rejected("InvalidParameterException");
        };
    }

    record Checked(Planner planner, DesiredState desired, ObservedState observed, PlannerMemory memoryBefore,
                   Instant now, Plan plan) {
        List<ObservedTask> tasks() {
            return observed.clusters().get(CLUSTER).tasks();
        }

        /** Live copies of {@code group} as ECS lists them, minus those we asked to stop, plus launches in flight. */
        int live(ResourceKey group) {
            Expectations expected = plan.memory().group(group).expectations();
            return (int) tasks().stream().filter(t -> Ownership.isOurs(OWNER, t) && group.equals(t.group())
                    && t.isLive() && !expected.stops().containsKey(t.taskArn())).count()
                    + expected.launchesInFlight();
        }

        int launched(ResourceKey group) {
            return plan.launches().stream().filter(l -> l.group().equals(group)).mapToInt(Launch::count).sum();
        }
    }

    @Property(tries = 300)
    void neverPlansMoreLiveCopiesThanDesiredPlusMaxSurge(@ForAll("inputs") Input input) {
        Checked c = secondPass(input);
        for (TaskGroup group : c.desired().taskGroups()) {
            int live = c.live(group.key());
            int launched = c.launched(group.key());
            if (launched > 0) {
                assertThat(live + launched).isLessThanOrEqualTo(group.replicas() + group.rollout().maxSurge());
                boolean outdated = c.tasks().stream().anyMatch(t -> Ownership.isOurs(OWNER, t)
                        && group.key().equals(t.group()) && t.isLive()
                        && !Objects.equals(t.specHash(), group.task().specHash()));
                if (!outdated) {
                    assertThat(live + launched).isLessThanOrEqualTo(group.replicas());
                }
            }
        }
    }

    @Property(tries = 300)
    void neverStopsATaskItDoesNotOwn(@ForAll("inputs") Input input) {
        Checked c = secondPass(input);
        Map<String, ObservedTask> byArn = c.tasks().stream().collect(Collectors.toMap(ObservedTask::taskArn, t -> t));
        for (Stop stop : c.plan().stops()) {
            ObservedTask task = byArn.get(stop.taskArn());
            assertThat(task).isNotNull();
            assertThat(task.startedBy()).isEqualTo(OWNER);
            assertThat(task.group()).isEqualTo(stop.group());
            assertThat(task.isLive()).isTrue();
            assertThat(c.desired().get(stop.group())).isPresent();
        }
        assertThat(c.plan().stops()).extracting(Stop::taskArn).doesNotHaveDuplicates();
        assertThat(c.plan().stops()).hasSizeLessThanOrEqualTo(c.planner().config().maxStopsPerPass());
    }

    @Property(tries = 300)
    void launchCallsNeverExceedTheBudget(@ForAll("inputs") Input input) {
        Checked c = secondPass(input);
        LaunchBudget available = c.memoryBefore().budget().refill(c.planner().config().launchBudget(), c.now());
        List<Launch> launches = c.plan().launches();
        assertThat((double) launches.size()).isLessThanOrEqualTo(Math.max(0, Math.floor(available.callTokens())));
        assertThat((double) launches.stream().mapToInt(Launch::count).sum())
                .isLessThanOrEqualTo(Math.max(0, Math.floor(available.taskTokens())));
        assertThat(launches).allSatisfy(l -> assertThat(l.count()).isBetween(1, Launch.MAX_COUNT_PER_CALL));
        assertThat(launches).extracting(Launch::clientToken).doesNotHaveDuplicates();
    }

    @Property(tries = 200)
    void theSameInputsGiveTheSamePlan(@ForAll("inputs") Input input) {
        Checked c = secondPass(input);
        Plan again = new Planner(c.planner().config()).plan(c.desired(), c.observed(), c.memoryBefore(), c.now());

        assertThat(again).isEqualTo(c.plan());
    }

    @Property(tries = 300)
    void neverStopsRunningCopiesBelowDesiredMinusMaxUnavailable(@ForAll("inputs") Input input) {
        Checked c = secondPass(input);
        Set<String> stopped = c.plan().stops().stream().map(Stop::taskArn).collect(Collectors.toSet());
        for (TaskGroup group : c.desired().taskGroups()) {
            Expectations expected = c.plan().memory().group(group.key()).expectations();
            List<ObservedTask> running = c.tasks().stream().filter(t -> Ownership.isOurs(OWNER, t)
                    && group.key().equals(t.group()) && t.isRunning()
                    && !expected.stops().containsKey(t.taskArn())).toList();
            long left = running.stream().filter(t -> !stopped.contains(t.taskArn())).count();
            int floor = Math.max(0, group.replicas() - group.rollout().maxUnavailable());
            assertThat(left).isGreaterThanOrEqualTo(Math.min(running.size(), floor));
        }
    }
}
