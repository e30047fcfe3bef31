package io.fargatereconciler.bench;

import io.fargatereconciler.aws.DescribedTasks;
import io.fargatereconciler.aws.EcsGateway;
import io.fargatereconciler.aws.EcsResult;
import io.fargatereconciler.aws.TaskArnPage;
import io.fargatereconciler.plan.Launch;
import io.fargatereconciler.plan.LaunchResult;
import io.fargatereconciler.plan.Stop;
import io.fargatereconciler.plan.StopResult;
import io.fargatereconciler.sim.VirtualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The time an ECS call takes, on virtual time: a caller that makes its calls one after another (our loop, the naive
 * loop) sees the clock move by {@code perCall} after each one, so the API's token buckets refill during a long pass
 * as they would in a real account. The simulator itself never sleeps on virtual time. The value is the scenario
 * file's {@code faults.api.latencyMin}.
 */
final class CallLatency {
    private final VirtualClock clock;
    private final Duration perCall;
    private final AtomicLong calls = new AtomicLong();

    CallLatency(VirtualClock clock, Duration perCall) {
        this.clock = clock;
        this.perCall = perCall;
    }

    /** Calls made through this latency so far: the caller's own count, checked against the simulator's. */
    long calls() {
        return calls.get();
    }

    <T> T around(Supplier<T> call) {
        calls.incrementAndGet();
        T result = call.get();
        if (!perCall.isZero()) {
            clock.advance(perCall);
        }
        return result;
    }

    /** Our gateway, each call followed by the latency. */
    EcsGateway wrap(EcsGateway real) {
        return new EcsGateway() {
            @Override
            public LaunchResult runTask(Launch launch) {
                return around(() -> real.runTask(launch));
            }

            @Override
            public StopResult stopTask(Stop stop) {
                return around(() -> real.stopTask(stop));
            }

            @Override
            public EcsResult<TaskArnPage> listTasks(String cluster, String nextToken) {
                return around(() -> real.listTasks(cluster, nextToken));
            }

            @Override
            public EcsResult<DescribedTasks> describeTasks(String cluster, List<String> taskArns) {
                return around(() -> real.describeTasks(cluster, taskArns));
            }
        };
    }
}
