package io.fargatereconciler.bench;

import io.fargatereconciler.aws.EcsConfig;
import io.fargatereconciler.bench.ScenarioRun.Contender;
import io.fargatereconciler.plan.PlannerConfig;
import io.fargatereconciler.sim.SimulatorConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** Runs every scenario at one scale and gathers the results for the report. */
final class Harness {
    /** How big each scenario runs. */
    record Scale(List<Integer> steadyCopies, int steadyPasses, MassFailureScenario.Settings mass,
                 JobsDayScenario.Settings jobs, ReactionScenario.Settings reaction,
                 FalseStallScenario.Settings falseStalls, SharedAccountScenario.Settings shared, int plannerWarmUps,
                 int plannerPlans) {
        /** The scale: what the committed report shows. */
        static final Scale FULL = new Scale(List.of(1_000, 10_000), 5, MassFailureScenario.Settings.FULL,
                JobsDayScenario.Settings.FULL, ReactionScenario.Settings.FULL, FalseStallScenario.Settings.FULL,
                SharedAccountScenario.Settings.FULL, 50, 50);
        /** Every scenario, small enough for every build. */
        static final Scale TINY = new Scale(List.of(100), 2,
                new MassFailureScenario.Settings(2, 10, Duration.ofMinutes(20), Duration.ofSeconds(1),
                        Duration.ofSeconds(5)),
                new JobsDayScenario.Settings(2, 30, Duration.ofHours(3), Duration.ofMinutes(30), Duration.ofSeconds(1)),
                new ReactionScenario.Settings(5, 3, Duration.ofSeconds(47), Duration.ofMillis(100)),
                new FalseStallScenario.Settings(2, 10, Duration.ofMinutes(20), Duration.ofSeconds(1)),
                new SharedAccountScenario.Settings(2, 20, Duration.ofMinutes(4), Duration.ofMillis(200),
                        Duration.ofMillis(200)), 1, 2);
    }

    static final List<Contender> MASS_FAILURE_CONTENDERS = List.of(Contender.RECONCILER,
            Contender.RECONCILER_WITH_EVENTS, Contender.NAIVE_LOOP, Contender.STEP_FUNCTIONS_RECIPE);

    private final Map<String, Duration> wallTimes = new LinkedHashMap<>();

    private Harness() {
    }

    static BenchmarkResults run(EcsConfig ecsConfig, Scale scale, List<JmhScore> jmh,
                                Callable<ResidentMemoryProbe.Result> memory, Instant commandStartedAt) throws Exception {
        return new Harness().runAll(ecsConfig, scale, jmh, memory, commandStartedAt);
    }

    private BenchmarkResults runAll(EcsConfig ecsConfig, Scale scale, List<JmhScore> jmh,
                                    Callable<ResidentMemoryProbe.Result> memory, Instant commandStartedAt)
            throws Exception {
        double loadAtStart = Machine.loadAverage();
        long start = System.nanoTime();
        List<SteadyStateScenario.Result> steady = new ArrayList<>();
        for (int copies : scale.steadyCopies()) {
            steady.add(timed("steady state, " + Format.count(copies) + " tasks",
                    () -> SteadyStateScenario.run(ecsConfig, copies, scale.steadyPasses())));
        }
        SimulatorConfig massFile = MassFailureScenario.config();
        int copies = scale.mass().copies();
        String family = massFile.taskDefinitions().get(0).family();
        BenchmarkResults.MassFailure mass = new BenchmarkResults.MassFailure(scale.mass(),
                LaunchRateBound.account(massFile, family, copies),
                LaunchRateBound.budget(massFile, family, PlannerConfig.DEFAULTS.launchBudget(), copies),
                timed("mass failure (4 strategies)",
                        () -> MassFailureScenario.run(ecsConfig, scale.mass(), MASS_FAILURE_CONTENDERS)));
        List<JobsDayScenario.Result> jobs = timed("jobs for a day (3 strategies)",
                () -> JobsDayScenario.run(ecsConfig, scale.jobs()));
        List<ReactionScenario.Result> reaction = timed("reaction (polling, events)",
                () -> ReactionScenario.run(ecsConfig, scale.reaction()));
        FalseStallScenario.Result falseStalls = timed("false stalls",
                () -> FalseStallScenario.run(ecsConfig, scale.falseStalls()));
        List<SharedAccountScenario.Result> shared = timed("shared account (3 strategies)",
                () -> SharedAccountScenario.run(ecsConfig, scale.shared()));
        Map<String, Double> plannerCpu = timed("planner CPU time (ThreadMXBean)",
                () -> PlannerCpuTime.measure(scale.plannerWarmUps(), scale.plannerPlans()));
        ResidentMemoryProbe.Result rss = memory == null ? null : timed("resident memory of the packaged daemon", memory);
        wallTimes.put("scenario harness, all of the above", Duration.ofNanos(System.nanoTime() - start));
        return new BenchmarkResults(Clock.systemUTC().instant(), Machine.now(loadAtStart), steady, mass, jobs,
                scale.jobs(), reaction, scale.reaction(), falseStalls, scale.falseStalls(), shared, scale.shared(), jmh,
                plannerCpu, rss, wallTimes, commandStartedAt);
    }

    private <T> T timed(String part, Callable<T> work) throws Exception {
        long start = System.nanoTime();
        T result = work.call();
        wallTimes.put(part, Duration.ofNanos(System.nanoTime() - start));
        return result;
    }
}
