package io.fargatereconciler.bench;

import io.fargatereconciler.aws.EcsConfig;
import io.fargatereconciler.observe.StopClassifier;
import io.fargatereconciler.sim.SimulatorConfig;
import io.fargatereconciler.sim.SubnetSeed;
import io.fargatereconciler.sim.TaskSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * False stalls ({@code bench/false-stalls.yaml}): nothing fails, but 5 % of starts are four times slower. Every copy
 * exits after 15 minutes and is replaced, so stall detection judges thousands of starts, from a cold start (nothing
 * learnt, the cap) to a learnt threshold. A stall-stop of a task the simulator would have started (not doomed) is a
 * false stall; the target is at most 1 % of launches.
 */
final class FalseStallScenario {
    static final String FILE = "false-stalls";
    private static final String STALL_REASON = StopClassifier.OWN_STOP_PREFIX + StopClassifier.STALL_STOP_REASON;

    /** The scale of a run. */
    record Settings(int groups, int copiesPerGroup, Duration length, Duration step) {
        static final Settings FULL = new Settings(10, 100, Duration.ofMinutes(75), Duration.ofSeconds(1));
    }

    /**
     * What our reconciler did.
     *
     * @param launched    tasks it launched
     * @param stallStops  tasks it stopped as stalled in PROVISIONING
     * @param falseStalls of those, tasks that would have started
     * @param slowStarts  launched tasks that took over two minutes from launch to RUNNING, for scale
     * @param thresholds  the stall threshold per subnet at the end, in seconds
     */
    record Result(long launched, long stallStops, long falseStalls, long slowStarts, int runningAtEnd,
                  int desired, Map<String, Double> thresholds) {
        double falseStallShare() {
            return launched == 0 ? 0 : (double) falseStalls / launched;
        }
    }

    private FalseStallScenario() {
    }

    static Result run(EcsConfig ecsConfig, Settings settings) {
        SimulatorConfig config = ScenarioRun.file(FILE);
        Workload workload = Workload.spread(List.of(config.clusters().get(0)), settings.groups(),
                settings.copiesPerGroup(), config.taskDefinitions().get(0).family(),
                config.subnets().stream().map(SubnetSeed::id).toList());
        try (ScenarioRun run = new ScenarioRun(ecsConfig, config)) {
            run.account.desire(workload.taskGroups());
            try (ReconcilerStrategy ours = ReconcilerStrategy.polling(run.account, 41, run.callLatency())) {
                run.runFor(ours, settings.length(), settings.step(), () -> { });
                List<TaskSnapshot> tasks = run.account.admin().tasks().stream()
                        .filter(task -> ours.groupOf(task) != null).toList();
                List<TaskSnapshot> stalled = tasks.stream().filter(task -> task.stoppedReason() != null
                        && task.stoppedReason().startsWith(STALL_REASON)).toList();
                Map<String, Double> thresholds = new TreeMap<>();
                ours.daemon().meters.find("reconciler.stall.threshold.seconds").gauges()
                        .forEach(g -> thresholds.put(g.getId().getTag("subnet"), g.value()));
                return new Result(tasks.size(), stalled.size(), stalled.stream().filter(t -> !t.doomed()).count(),
                        slowStarts(tasks), (int) tasks.stream().filter(t -> "RUNNING".equals(t.lastStatus())).count(),
                        workload.copies(), thresholds);
            }
        }
    }

    /** Tasks that took over two minutes from launch to RUNNING: the slow tail that started, for scale. */
    private static long slowStarts(List<TaskSnapshot> tasks) {
        return tasks.stream().filter(t -> t.startedAt() != null
                && Duration.between(t.createdAt(), t.startedAt()).compareTo(Duration.ofMinutes(2)) > 0).count();
    }
}
