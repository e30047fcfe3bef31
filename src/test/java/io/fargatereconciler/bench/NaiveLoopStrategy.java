package io.fargatereconciler.bench;

import io.fargatereconciler.sim.SimulatorFixture;
import io.fargatereconciler.sim.TaskSnapshot;
import io.fargatereconciler.sim.VirtualClock;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;

/**
 * The loop a user writes in an afternoon: every 30 s, for each group, list its tasks (ListTasks filtered by a
 * per-group startedBy, pages of 100) and at once relaunch everything missing with RunTask (count up to 10). No
 * backoff, no budget, no subnet choice (ECS picks among the group's subnets), no retries: an error on a call ends
 * that group's turn until the next pass. Its calls take the scenario's {@link CallLatency}.
 */
final class NaiveLoopStrategy implements Strategy {
    static final Duration INTERVAL = Duration.ofSeconds(30);
    private final Workload workload;
    private final EcsClient ecs;
    private final VirtualClock clock;
    private final CallLatency latency;
    private Instant nextPassAt;

    NaiveLoopStrategy(Workload workload, EcsClient ecs, VirtualClock clock, Duration latency) {
        this.workload = workload;
        this.ecs = ecs;
        this.clock = clock;
        this.latency = new CallLatency(clock, latency);
    }

    private static final String STARTED_BY_PREFIX = "naive-";

    static String startedBy(Workload.Group group) {
        return STARTED_BY_PREFIX + group.name();
    }

    @Override
    public String groupOf(TaskSnapshot task) {
        return Strategy.suffixAfter(STARTED_BY_PREFIX, task.startedBy());
    }

    @Override
    public String name() {
        return "naive 30 s loop";
    }

    @Override
    public void runDue() {
        if (nextPassAt != null && clock.instant().isBefore(nextPassAt)) {
            return;
        }
        nextPassAt = clock.instant().plus(INTERVAL);
        runPass();
    }

    /** ECS calls this loop made, counted on its side. */
    long ecsCalls() {
        return latency.calls();
    }

    /** One pass over every group, now. */
    void runPass() {
        for (Workload.Group group : workload.groups()) {
            try {
                int missing = group.replicas() - listed(group);
                while (missing > 0) {
                    int count = Math.min(10, missing);
                    latency.around(() -> ecs.runTask(SimulatorFixture.request(group.cluster(), group.taskDefinition(),
                            count, group.subnets().toArray(String[]::new)).startedBy(startedBy(group)).build()));
                    missing -= count;
                }
            } catch (SdkException throttledOrFailed) {
                // the naive loop just tries again at its next pass
            }
        }
    }

    private int listed(Workload.Group group) {
        int listed = 0;
        String token = null;
        do {
            String next = token;
            ListTasksResponse page = latency.around(() -> ecs.listTasks(r -> r.cluster(group.cluster())
                    .startedBy(startedBy(group)).maxResults(100).nextToken(next)));
            listed += page.taskArns().size();
            token = page.nextToken();
        } while (token != null);
        return listed;
    }
}
