package io.fargatereconciler.bench;

import io.fargatereconciler.plan.LaunchBudget;
import io.fargatereconciler.sim.LifecycleTimings;
import io.fargatereconciler.sim.SimulatorConfig;
import io.fargatereconciler.sim.faults.TaskBehaviour;
import io.fargatereconciler.sim.faults.ThrottleCategory;
import io.fargatereconciler.sim.faults.ThrottlingConfig.BucketSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * How soon an ideal launcher could have {@code copies} RUNNING from nothing: it knows which subnet works, launches
 * every copy as early as the token buckets allow (RunTask count 10) and never fails; full strength is when its slowest
 * copy is RUNNING, each copy's start-up drawn from the scenario file's distributions (slow starts included). With a
 * start-up tail that slowest copy, not the launch rate, often decides, so the bound is drawn too: the median of
 * {@link #TRIALS} draws with a fixed seed (the same bound for every run of the same file).
 */
final class LaunchRateBound {
    static final int TRIALS = 101;

    private LaunchRateBound() {
    }

    /** Under the account's published Fargate limits (task launches, RunTask calls, RunTask and StopTask). */
    static Duration account(SimulatorConfig config, String family, int copies) {
        var throttling = config.faults().throttling();
        List<BucketSpec> calls = new ArrayList<>();
        BucketSpec tasks = null;
        if (throttling.enabled()) {
            tasks = throttling.bucket(ThrottleCategory.FARGATE_TASK_LAUNCH);
            calls.add(throttling.bucket(ThrottleCategory.FARGATE_RUN_TASK));
            calls.add(throttling.bucket(ThrottleCategory.RUN_STOP));
        }
        return drawn(config, family, copies, tasks, calls);
    }

    /** Under a launch budget's limits alone (ours launches at most that fast, by design). */
    static Duration budget(SimulatorConfig config, String family, LaunchBudget.Limits budget, int copies) {
        return drawn(config, family, copies, new BucketSpec(budget.taskBurst(), budget.tasksPerSecond()),
                List.of(new BucketSpec(budget.callBurst(), budget.callsPerSecond())));
    }

    /** The typical start-up: the sum of the start-up phases' medians (slow starts aside). */
    static Duration typicalStartup(SimulatorConfig config) {
        return config.lifecycle().startup();
    }

    private static Duration drawn(SimulatorConfig config, String family, int copies, BucketSpec tasks,
                                  List<BucketSpec> calls) {
        double[] launchAt = new double[copies];
        for (int i = 0; i < copies; i++) {
            double at = tasks == null ? 0 : drain(tasks, i + 1);
            for (BucketSpec bucket : calls) {
                at = Math.max(at, drain(bucket, i / 10 + 1));
            }
            launchAt[i] = at;
        }
        Optional<TaskBehaviour> behaviour = config.faults().behaviourFor(family);
        double slowShare = behaviour.map(TaskBehaviour::slowStartProbability).orElse(0.0);
        double slowFactor = behaviour.map(TaskBehaviour::slowStartFactor).orElse(1.0);
        LifecycleTimings timings = config.lifecycle();
        Random random = new Random(config.seed());
        List<Double> fullStrength = new ArrayList<>();
        for (int trial = 0; trial < TRIALS; trial++) {
            double slowest = 0;
            for (int i = 0; i < copies; i++) {
                double factor = random.nextDouble() < slowShare ? slowFactor : 1;
                double startup = factor * (seconds(timings.provisioning().sample(random))
                        + seconds(timings.pending().sample(random))) + seconds(timings.activating().sample(random));
                slowest = Math.max(slowest, launchAt[i] + startup);
            }
            fullStrength.add(slowest);
        }
        fullStrength.sort(Double::compare);
        return Duration.ofMillis(Math.round(fullStrength.get(TRIALS / 2) * 1000));
    }

    /** Seconds until {@code tokens} have been taken from a full bucket. */
    private static double drain(BucketSpec bucket, int tokens) {
        return Math.max(0, (tokens - bucket.burst()) / bucket.perSecond());
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
