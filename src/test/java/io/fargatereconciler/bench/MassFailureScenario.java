package io.fargatereconciler.bench;

import io.fargatereconciler.aws.EcsConfig;
import io.fargatereconciler.bench.ScenarioRun.Contender;
import io.fargatereconciler.sim.ApiCallStats;
import io.fargatereconciler.sim.SimulatorConfig;
import io.fargatereconciler.sim.SubnetSeed;
import io.fargatereconciler.sim.TaskSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Mass failure ({@code bench/mass-failure.yaml}): every copy of the workload is missing at the start, one of the
 * three subnets has an ENI outage and another has no free IP. Each strategy runs against its own simulator from the
 * same file for the same virtual time.
 */
final class MassFailureScenario {
    static final String FILE = "mass-failure";

    /** The scale of a run. */
    record Settings(int groups, int copiesPerGroup, Duration length, Duration step, Duration sampleEvery) {
        static final Settings FULL = new Settings(10, 100, Duration.ofMinutes(30), Duration.ofSeconds(1),
                Duration.ofSeconds(5));

        int copies() {
            return groups * copiesPerGroup;
        }
    }

    /** What one strategy did. */
    record Result(String strategy, Duration timeToFullStrength, int runningAtEnd, long runTaskCalls,
                  long tasksLaunched, long tasksDoomed, long runTaskCallsDoomed, long throttledCalls,
                  int peakOvershoot, long notifications, long ecsCallsCountedByStrategy, long ecsCallsCountedBySimulator,
                  List<FleetWatch.Point> timeline, FirstFailure firstFailure, LastToRun lastToRun) {
        double doomedCallShare() {
            return runTaskCalls == 0 ? 0 : (double) runTaskCallsDoomed / runTaskCalls;
        }

        double doomedTaskShare() {
            return tasksLaunched == 0 ? 0 : (double) tasksDoomed / tasksLaunched;
        }
    }

    /**
     * The copy that reached RUNNING last among those running at the end (it decided full strength): when it was
     * launched, counted from the start of the run, and how long it took from launch to RUNNING. Null when none ran.
     */
    record LastToRun(Duration launchedAfter, Duration startup) {
        static LastToRun of(List<TaskSnapshot> tasks, Strategy strategy, Instant runStart) {
            return tasks.stream().filter(t -> strategy.groupOf(t) != null && "RUNNING".equals(t.lastStatus())
                            && t.startedAt() != null).max((a, b) -> a.startedAt().compareTo(b.startedAt()))
                    .map(t -> new LastToRun(Duration.between(runStart, t.createdAt()),
                            Duration.between(t.createdAt(), t.startedAt()))).orElse(null);
        }
    }

    /**
     * When the first failed start became visible (its task STOPPED with TaskFailedToStart), counted from the start of
     * the run, and how many doomed copies had been launched before that: no strategy can know to avoid those.
     *
     * @param seenAfter        null when no start failed
     * @param doomedBeforeSeen doomed copies launched before {@code seenAfter}
     */
    record FirstFailure(Duration seenAfter, long doomedBeforeSeen) {
        static FirstFailure of(List<TaskSnapshot> tasks, Instant runStart) {
            List<TaskSnapshot> doomed = tasks.stream().filter(t -> "TaskFailedToStart".equals(t.stopCode())).toList();
            Instant seenAt = doomed.stream().map(TaskSnapshot::stoppedAt).filter(Objects::nonNull)
                    .min(Instant::compareTo).orElse(null);
            if (seenAt == null) {
                return new FirstFailure(null, 0);
            }
            long before = doomed.stream().filter(t -> t.createdAt().isBefore(seenAt)).count();
            return new FirstFailure(Duration.between(runStart, seenAt), before);
        }
    }

    private MassFailureScenario() {
    }

    static SimulatorConfig config() {
        return ScenarioRun.file(FILE);
    }

    static Workload workload(SimulatorConfig config, Settings settings) {
        return Workload.spread(List.of(config.clusters().get(0)), settings.groups(), settings.copiesPerGroup(),
                config.taskDefinitions().get(0).family(), config.subnets().stream().map(SubnetSeed::id).toList());
    }

    static List<Result> run(EcsConfig ecsConfig, Settings settings, List<Contender> contenders) {
        List<Result> results = new ArrayList<>();
        for (Contender contender : contenders) {
            results.add(runOne(ecsConfig, settings, contender));
        }
        return results;
    }

    private static Result runOne(EcsConfig ecsConfig, Settings settings, Contender contender) {
        SimulatorConfig config = config();
        Workload workload = workload(config, settings);
        try (ScenarioRun run = new ScenarioRun(ecsConfig, config)) {
            run.account.desire(workload.taskGroups());
            Instant runStart = run.account.clock.instant();
            try (Strategy strategy = run.start(contender, workload, 8)) {
                if (strategy instanceof StepFunctionsRecipe recipe) {
                    workload.groups().forEach(group -> {
                        for (int copy = 0; copy < group.replicas(); copy++) {
                            recipe.startExecution(group, null);
                        }
                    });
                }
                FleetWatch watch = new FleetWatch(run.account, workload, strategy, settings.sampleEvery());
                watch.sample();
                run.runFor(strategy, settings.length(), settings.step(), watch::sample);
                ApiCallStats calls = run.calls();
                long ecsCalls = calls.calls().entrySet().stream().filter(e -> e.getKey().startsWith("ecs:"))
                        .mapToLong(e -> e.getValue()).sum();
                return new Result(strategy.name(), watch.timeToFullStrength(), watch.running(),
                        calls.calls("ecs:RunTask"), calls.tasksLaunched(), calls.tasksDoomed(),
                        calls.runTaskCallsDoomed(), calls.throttled().values().stream().mapToLong(Long::longValue).sum(),
                        watch.peakOvershoot(), run.notifications(), ecsCallsOf(strategy), ecsCalls, watch.timeline(),
                        FirstFailure.of(run.account.admin().tasks(), runStart),
                        LastToRun.of(run.account.admin().tasks(), strategy, runStart));
            }
        }
    }

    /** ECS calls as the strategy itself counted them (-1 where it does not count: the recipe's parallel calls). */
    private static long ecsCallsOf(Strategy strategy) {
        if (strategy instanceof ReconcilerStrategy reconciler) {
            return reconciler.ecsCalls();
        }
        if (strategy instanceof NaiveLoopStrategy naive) {
            return naive.ecsCalls();
        }
        return -1;
    }
}
