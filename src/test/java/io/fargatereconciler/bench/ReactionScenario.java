package io.fargatereconciler.bench;

import io.fargatereconciler.aws.EcsConfig;
import io.fargatereconciler.bench.ScenarioRun.Contender;
import io.fargatereconciler.sim.SimulatorConfig;
import io.fargatereconciler.sim.SubnetSeed;
import io.fargatereconciler.sim.TaskSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reaction ({@code bench/reaction.yaml}): once the group runs, one copy at a time is stopped by someone else
 * (StopTask, stopCode UserInitiated) every {@code killEvery}; the reaction is the virtual time from the stop to the
 * RunTask of its replacement (the first new task's createdAt). Our reconciler polling (30 s resync) against the same
 * with events. A stop by a person is not a failure, so no backoff applies: what is measured is how soon the daemon
 * notices. (A crash, exit code not 0, counts against the group's backoff, and so would a series of them.)
 */
final class ReactionScenario {
    static final String FILE = "reaction";

    /** The scale of a run. */
    record Settings(int copies, int kills, Duration killEvery, Duration step) {
        static final Settings FULL = new Settings(20, 60, Duration.ofSeconds(47), Duration.ofMillis(100));
    }

    /** One strategy's reaction times, in kill order ({@code missed}: kills with no replacement before the next). */
    record Result(String strategy, List<Duration> reactions, int missed) {
        List<Duration> sorted() {
            return reactions.stream().sorted().toList();
        }
    }

    private ReactionScenario() {
    }

    static List<Result> run(EcsConfig ecsConfig, Settings settings) {
        return List.of(runOne(ecsConfig, settings, Contender.RECONCILER),
                runOne(ecsConfig, settings, Contender.RECONCILER_WITH_EVENTS));
    }

    private static Result runOne(EcsConfig ecsConfig, Settings settings, Contender contender) {
        SimulatorConfig config = ScenarioRun.file(FILE);
        Workload workload = Workload.spread(config.clusters(), 1, settings.copies(),
                config.taskDefinitions().get(0).family(), config.subnets().stream().map(SubnetSeed::id).toList());
        try (ScenarioRun run = new ScenarioRun(ecsConfig, config)) {
            run.account.desire(workload.taskGroups());
            try (Strategy strategy = run.start(contender, workload, 31)) {
                run.runFor(strategy, Duration.ofMinutes(3), Duration.ofSeconds(1), () -> { });
                List<Duration> reactions = new ArrayList<>();
                int missed = 0;
                for (int kill = 0; kill < settings.kills(); kill++) {
                    Optional<TaskSnapshot> victim = ours(run, strategy).stream()
                            .filter(t -> "RUNNING".equals(t.lastStatus()) && "RUNNING".equals(t.desiredStatus()))
                            .min(Comparator.comparing(TaskSnapshot::createdAt));
                    if (victim.isEmpty()) {
                        throw new IllegalStateException("no RUNNING copy to kill after " + kill + " kills");
                    }
                    Set<String> before = ours(run, strategy).stream().map(TaskSnapshot::taskArn)
                            .collect(Collectors.toSet());
                    Instant killedAt = run.account.clock.instant();
                    run.account.admin().stopTask(victim.get().taskArn(), "stopped for the reaction benchmark");
                    Instant until = killedAt.plus(settings.killEvery());
                    Instant replacedAt = null;
                    while (run.account.clock.instant().isBefore(until)) {
                        strategy.runDue();
                        run.account.advance(settings.step());
                        if (replacedAt == null) {
                            replacedAt = ours(run, strategy).stream().filter(t -> !before.contains(t.taskArn()))
                                    .map(TaskSnapshot::createdAt).min(Instant::compareTo).orElse(null);
                        }
                    }
                    if (replacedAt == null) {
                        missed++;
                    } else {
                        reactions.add(Duration.between(killedAt, replacedAt));
                    }
                }
                return new Result(strategy.name(), reactions, missed);
            }
        }
    }

    private static List<TaskSnapshot> ours(ScenarioRun run, Strategy strategy) {
        return run.account.admin().tasks(run.config.clusters().get(0)).stream()
                .filter(t -> strategy.groupOf(t) != null).toList();
    }
}
