package io.fargatereconciler.bench;

import io.fargatereconciler.aws.EcsConfig;
import io.fargatereconciler.bench.ScenarioRun.Contender;
import io.fargatereconciler.sim.AwsClients;
import io.fargatereconciler.sim.SimulatorConfig;
import io.fargatereconciler.sim.SimulatorFixture;
import io.fargatereconciler.sim.SubnetSeed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.EcsException;

/**
 * A shared account ({@code bench/shared-account.yaml}): 1,000 copies to restore while another RunTask user of the same
 * account, a naive launcher starting one task every 200 ms (5 tasks/s), keeps launching. Both draw on the account's
 * published Fargate limits; both sides' throttled calls are counted. Our reconciler (its launch budget starts at the
 * published rates minus its reserve and halves on throttling), the same without a reserve (so only the halving keeps
 * it off the other user's share), and the naive 30 s loop.
 */
final class SharedAccountScenario {
    static final String FILE = "shared-account";
    static final List<Contender> CONTENDERS = List.of(Contender.RECONCILER, Contender.RECONCILER_WITHOUT_RESERVE,
            Contender.NAIVE_LOOP);

    /** The scale of a run: the other user launches one task every {@code otherEvery}. */
    record Settings(int groups, int copiesPerGroup, Duration length, Duration step, Duration otherEvery) {
        static final Settings FULL = new Settings(10, 100, Duration.ofMinutes(10), Duration.ofMillis(200),
                Duration.ofMillis(200));

        int copies() {
            return groups * copiesPerGroup;
        }

        double otherTasksPerSecond() {
            return 1000.0 / otherEvery.toMillis();
        }
    }

    /**
     * One contender beside the other user.
     *
     * @param throttledCalls      this contender's ECS calls answered with throttling
     * @param otherCalls          the other user's RunTask calls
     * @param otherThrottledCalls of those, answered with throttling
     */
    record Result(String strategy, Duration timeToFullStrength, int runningAtEnd, long runTaskCalls,
                  long throttledCalls, long otherCalls, long otherThrottledCalls, int peakOvershoot) {
        double otherThrottledShare() {
            return otherCalls == 0 ? 0 : (double) otherThrottledCalls / otherCalls;
        }
    }

    private SharedAccountScenario() {
    }

    static List<Result> run(EcsConfig ecsConfig, Settings settings) {
        List<Result> results = new ArrayList<>();
        for (Contender contender : CONTENDERS) {
            results.add(runOne(ecsConfig, settings, contender));
        }
        return results;
    }

    private static Result runOne(EcsConfig ecsConfig, Settings settings, Contender contender) {
        SimulatorConfig config = ScenarioRun.file(FILE);
        List<String> subnets = config.subnets().stream().map(SubnetSeed::id).toList();
        Workload workload = Workload.spread(List.of(config.clusters().get(0)), settings.groups(),
                settings.copiesPerGroup(), "web", subnets);
        try (ScenarioRun run = new ScenarioRun(ecsConfig, config);
             OtherRunTaskUser other = new OtherRunTaskUser(AwsClients.ecs(run.account.simulator.endpoint()),
                     config.clusters().get(0), subnets, settings.otherEvery(), run.account.clock.instant())) {
            run.account.desire(workload.taskGroups());
            try (Strategy strategy = run.start(contender, workload, 57)) {
                FleetWatch watch = new FleetWatch(run.account, workload, strategy, Duration.ofSeconds(5));
                run.runFor(strategy, settings.length(), settings.step(), () -> {
                    other.launchDue(run.account.clock.instant());
                    watch.sample();
                });
                long throttled = run.calls().throttled().values().stream().mapToLong(Long::longValue).sum();
                return new Result(strategy.name(), watch.timeToFullStrength(), watch.running(),
                        run.calls().calls("ecs:RunTask") - other.calls(), throttled - other.throttled(),
                        other.calls(), other.throttled(), watch.peakOvershoot());
            }
        }
    }

    /** The other RunTask user: one task of family {@code batch} every {@code every}, no retries, no backoff. */
    private static final class OtherRunTaskUser implements AutoCloseable {
        private final EcsClient ecs;
        private final String cluster;
        private final List<String> subnets;
        private final Duration every;
        private Instant nextAt;
        private long calls;
        private long throttled;

        OtherRunTaskUser(EcsClient ecs, String cluster, List<String> subnets, Duration every, Instant start) {
            this.ecs = ecs;
            this.cluster = cluster;
            this.subnets = subnets;
            this.every = every;
            this.nextAt = start;
        }

        void launchDue(Instant now) {
            while (!nextAt.isAfter(now)) {
                nextAt = nextAt.plus(every);
                calls++;
                try {
                    ecs.runTask(SimulatorFixture.request(cluster, "batch", 1, subnets.toArray(String[]::new))
                            .startedBy("other-user").build());
                } catch (EcsException e) {
                    if (e.isThrottlingException()) {
                        throttled++;
                    }
                } catch (SdkException e) {
                    // anything else: the other user shrugs and goes on
                }
            }
        }

        long calls() {
            return calls;
        }

        long throttled() {
            return throttled;
        }

        @Override
        public void close() {
            ecs.close();
        }
    }
}
