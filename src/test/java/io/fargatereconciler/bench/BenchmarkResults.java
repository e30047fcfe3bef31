package io.fargatereconciler.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one harness run measured, which {@link BenchmarkReport} writes out. {@code memory} is null when the
 * packaged daemon was not measured (the fast test); {@code jmh} is empty when JMH did not run before.
 */
record BenchmarkResults(Instant generatedAt, Machine machine, List<SteadyStateScenario.Result> steady,
                        MassFailure massFailure, List<JobsDayScenario.Result> jobs,
                        JobsDayScenario.Settings jobSettings, List<ReactionScenario.Result> reaction,
                        ReactionScenario.Settings reactionSettings, FalseStallScenario.Result falseStalls,
                        FalseStallScenario.Settings falseStallSettings, List<SharedAccountScenario.Result> shared,
                        SharedAccountScenario.Settings sharedSettings, List<JmhScore> jmh,
                        Map<String, Double> plannerCpuMillis,
                        ResidentMemoryProbe.Result memory, Map<String, Duration> wallTimes, Instant commandStartedAt) {

    /**
     * The mass-failure results with their bounds (an ideal launcher's full strength, start-up drawn from the file):
     * under the account's launch limits, and under our default launch budget's.
     */
    record MassFailure(MassFailureScenario.Settings settings, Duration accountBound, Duration budgetBound,
                       List<MassFailureScenario.Result> results) {
        MassFailureScenario.Result of(String strategy) {
            return results.stream().filter(r -> r.strategy().equals(strategy)).findFirst().orElse(null);
        }
    }
}
