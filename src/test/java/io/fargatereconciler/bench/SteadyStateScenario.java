package io.fargatereconciler.bench;

import io.fargatereconciler.aws.EcsConfig;
import io.fargatereconciler.aws.EcsGateway;
import io.fargatereconciler.aws.SdkEcsGateway;
import io.fargatereconciler.desired.TaskGroup;
import io.fargatereconciler.plan.Launch;
import io.fargatereconciler.plan.LaunchResult;
import io.fargatereconciler.plan.Ownership;
import io.fargatereconciler.sim.ApiCallStats;
import io.fargatereconciler.sim.LifecycleTimings;
import io.fargatereconciler.sim.SimulatorConfig;
import io.fargatereconciler.sim.SimulatorFixture;
import io.fargatereconciler.sim.SubnetSeed;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * Steady state ({@code bench/steady-state.yaml}): n copies spread over ten clusters (ten groups each) all RUNNING;
 * how many ECS calls and how much CPU one pass costs, for our reconciler and the naive loop, against the floor of
 * ceil(n/100) ListTasks + ceil(n/100) DescribeTasks per cluster. The copies are seeded before the strategy starts,
 * with the same tags (ours: through our gateway) the strategy would have put on them.
 */
final class SteadyStateScenario {
    static final String FILE = "steady-state";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** One RunTask of 10 every 500 ms: the Fargate launch rate of 20 tasks/s, so seeding is never throttled. */
    private static final Duration SEEDING_PACE = Duration.ofMillis(500);

    /** What one strategy's passes cost, averaged over the measured passes. */
    record PassCost(String strategy, double listCalls, double describeCalls, Map<String, Double> otherCalls,
                    double cpuMillisMean, double cpuMillisMax, int passes, long launchesDuringPasses,
                    long ecsCallsCountedByStrategy, long ecsCallsCountedBySimulator) {
        /** Every API call of a pass, of any service (EC2 DescribeSubnets too, where subnet steering makes it). */
        double apiCalls() {
            return listCalls + describeCalls + otherCalls.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        /** Calls other than ListTasks and DescribeTasks, per pass, e.g. {@code ec2:DescribeSubnets 0.2}. */
        String describeOtherCalls() {
            return otherCalls.isEmpty() ? "none" : String.join(", ", otherCalls.entrySet().stream()
                    .map(e -> e.getKey() + " " + Format.num(e.getValue())).toList());
        }
    }

    /** Both strategies at one scale. */
    record Result(int copies, int clusters, long floor, PassCost reconciler, PassCost naive) {
    }

    private SteadyStateScenario() {
    }

    static Result run(EcsConfig ecsConfig, int copies, int passes) {
        SimulatorConfig config = ScenarioRun.file(FILE);
        int groupsPerCluster = 10;
        int perGroup = copies / (config.clusters().size() * groupsPerCluster);
        Workload workload = Workload.spread(config.clusters(), groupsPerCluster, perGroup,
                config.taskDefinitions().get(0).family(), config.subnets().stream().map(SubnetSeed::id).toList());
        return new Result(workload.copies(), config.clusters().size(), workload.observationFloor(),
                reconciler(ecsConfig, config, workload, passes), naive(ecsConfig, config, workload, passes));
    }

    private static PassCost reconciler(EcsConfig ecsConfig, SimulatorConfig config, Workload workload, int passes) {
        try (ScenarioRun run = new ScenarioRun(ecsConfig, config)) {
            EcsGateway gateway = new SdkEcsGateway(run.account.ecs, Ownership.DEFAULT_OWNER_ID, run.account.ecsConfig);
            for (Workload.Batch batch : workload.launchBatches()) {
                TaskGroup group = batch.group().asTaskGroup();
                LaunchResult result = gateway.runTask(new Launch(group.key(), group.task(), batch.count(),
                        batch.group().subnets(), "seed-" + batch.group().name() + "-" + batch.index(), Map.of(),
                        "benchmark seeding"));
                require(result.outcome() == LaunchResult.Outcome.STARTED, "seeding RunTask: " + result.message());
                run.account.advance(SEEDING_PACE);
            }
            run.account.desire(workload.taskGroups());
            ReconcilerStrategy ours = ReconcilerStrategy.polling(run.account, 11, run.callLatency());
            return measure(run, ours.name(), passes, () -> ours.daemon().loop.runPass(), ours::ecsCalls);
        }
    }

    private static PassCost naive(EcsConfig ecsConfig, SimulatorConfig config, Workload workload, int passes) {
        try (ScenarioRun run = new ScenarioRun(ecsConfig, config)) {
            for (Workload.Batch batch : workload.launchBatches()) {
                Workload.Group group = batch.group();
                run.account.ecs.runTask(SimulatorFixture.request(group.cluster(), group.taskDefinition(),
                        batch.count(), group.subnets().toArray(String[]::new))
                        .startedBy(NaiveLoopStrategy.startedBy(group)).build());
                run.account.advance(SEEDING_PACE);
            }
            NaiveLoopStrategy naive = new NaiveLoopStrategy(workload, run.account.ecs, run.account.clock,
                    run.callLatency());
            return measure(run, naive.name(), passes, naive::runPass, naive::ecsCalls);
        }
    }

    /** One warm-up pass, then {@code passes} measured passes 30 s apart (every copy RUNNING). */
    private static PassCost measure(ScenarioRun run, String name, int passes, Runnable pass, LongSupplier ownCount) {
        run.account.advance(LifecycleTimings.defaults().startup().plusSeconds(30));
        pass.run();
        double list = 0;
        double describe = 0;
        Map<String, Double> other = new TreeMap<>();
        double cpuTotal = 0;
        double cpuMax = 0;
        long launched = 0;
        long ownCalls = 0;
        long simulatorCalls = 0;
        for (int i = 0; i < passes; i++) {
            run.account.advance(Duration.ofSeconds(30));
            run.account.admin().resetApiCalls();
            long ownBefore = ownCount.getAsLong();
            long cpuBefore = THREADS.getCurrentThreadCpuTime();
            pass.run();
            double cpu = (THREADS.getCurrentThreadCpuTime() - cpuBefore) / 1e6;
            ApiCallStats calls = run.calls();
            list += calls.calls("ecs:ListTasks");
            describe += calls.calls("ecs:DescribeTasks");
            calls.calls().forEach((operation, count) -> {
                if (!operation.equals("ecs:ListTasks") && !operation.equals("ecs:DescribeTasks")) {
                    other.merge(operation, (double) count / passes, Double::sum);
                }
            });
            launched += calls.tasksLaunched();
            cpuTotal += cpu;
            cpuMax = Math.max(cpuMax, cpu);
            ownCalls += ownCount.getAsLong() - ownBefore;
            simulatorCalls += calls.calls().entrySet().stream().filter(e -> e.getKey().startsWith("ecs:"))
                    .mapToLong(Map.Entry::getValue).sum();
        }
        return new PassCost(name, list / passes, describe / passes, other, cpuTotal / passes, cpuMax, passes,
                launched, ownCalls, simulatorCalls);
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException(what);
        }
    }
}
