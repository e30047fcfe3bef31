package io.fargatereconciler.bench;

import io.fargatereconciler.desired.DesiredState;
import io.fargatereconciler.observe.ObservedCluster;
import io.fargatereconciler.observe.ObservedState;
import io.fargatereconciler.observe.ObservedTask;
import io.fargatereconciler.observe.TaskStatus;
import io.fargatereconciler.plan.Plan;
import io.fargatereconciler.plan.Planner;
import io.fargatereconciler.plan.PlannerConfig;
import io.fargatereconciler.plan.PlannerMemory;
import io.fargatereconciler.plan.Ownership;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One planner pass over 10,000 copies (100 groups of 100 in ten clusters), all observed RUNNING or with a share
 * missing: the pure function alone, no I/O. Target: under 5 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PlannerBenchmark {
    private static final Instant NOW = Instant.parse("2025-01-01T01:00:00Z");

    @Param({"0", "10"})
    public int missingPercent;

    private final Planner planner = new Planner(PlannerConfig.DEFAULTS);
    private DesiredState desired;
    private ObservedState observed;
    private PlannerMemory memory;

    @Setup(Level.Trial)
    public void buildTenThousandCopies() {
        List<String> clusters = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            clusters.add("cluster-" + c);
        }
        Workload workload = Workload.spread(clusters, 10, 100, "svc",
                List.of("subnet-0000000000000001a", "subnet-0000000000000001b", "subnet-0000000000000001c"));
        desired = DesiredState.of(List.of(workload.taskGroups()), NOW.minus(Duration.ofHours(1)));
        Map<String, List<ObservedTask>> byCluster = new TreeMap<>();
        for (Workload.Group group : workload.groups()) {
            var taskGroup = group.asTaskGroup();
            int present = group.replicas() - group.replicas() * missingPercent / 100;
            for (int i = 0; i < present; i++) {
                String arn = "arn:aws:ecs:us-east-1:123456789012:task/" + group.cluster() + "/" + group.name() + "x" + i;
                byCluster.computeIfAbsent(group.cluster(), k -> new ArrayList<>()).add(new ObservedTask(arn,
                        group.cluster(), taskGroup.key(), taskGroup.task().specHash(), Ownership.DEFAULT_OWNER_ID,
                        TaskStatus.RUNNING, TaskStatus.RUNNING, NOW.minus(Duration.ofMinutes(30)),
                        NOW.minus(Duration.ofMinutes(29)), null, group.subnets().get(i % 3), null, null, null,
                        List.of(), Map.of(Ownership.GROUP_TAG, "TaskGroup/" + group.name(),
                                Ownership.SPEC_HASH_TAG, taskGroup.task().specHash())));
            }
        }
        Map<String, ObservedCluster> clustersSeen = new TreeMap<>();
        byCluster.forEach((cluster, tasks) -> clustersSeen.put(cluster, new ObservedCluster(cluster, tasks, NOW)));
        observed = new ObservedState(clustersSeen);
        memory = planner.plan(desired, observed, PlannerMemory.initial(1), NOW.minus(Duration.ofMinutes(30))).memory();
    }

    @Benchmark
    public Plan planTenThousandCopies() {
        return planner.plan(desired, observed, memory, NOW);
    }
}
