package io.fargatereconciler.engine;

import io.fargatereconciler.aws.DescribedTasks;
import io.fargatereconciler.aws.EcsGateway;
import io.fargatereconciler.aws.EcsResult;
import io.fargatereconciler.aws.HeldLease;
import io.fargatereconciler.aws.LeaseGateway;
import io.fargatereconciler.aws.LeaseHolder;
import io.fargatereconciler.aws.TaskArnPage;
import io.fargatereconciler.plan.Launch;
import io.fargatereconciler.plan.LaunchResult;
import io.fargatereconciler.plan.Stop;
import io.fargatereconciler.plan.StopResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What several replicas did, in real (monotonic) time: when each took the lease (recorded by its lease gateway the
 * moment DynamoDB granted it, before the replica can act on it) and every mutating ECS call each sent (recorded by its
 * ECS gateway before the call goes out). From these, {@link #callsOutsideOwnTerm()} finds any call a replica made after
 * another replica had taken the lease from it.
 */
final class ReplicaActions {
    private final List<Acquisition> acquisitions = new CopyOnWriteArrayList<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    record Acquisition(String replica, long nanos) {
    }

    record Call(String replica, long nanos, String operation, String what) {
    }

    /** {@code lease} as replica {@code replica}'s, recording when it takes the lease. */
    LeaseGateway recording(String replica, LeaseGateway lease) {
        return new LeaseGateway() {
            @Override
            public Optional<HeldLease> tryAcquire(Instant since) {
                Optional<HeldLease> acquired = lease.tryAcquire(since);
                acquired.ifPresent(held -> acquisitions.add(new Acquisition(replica, System.nanoTime())));
                return acquired;
            }

            @Override
            public boolean renew(HeldLease held) {
                return lease.renew(held);
            }

            @Override
            public void release(HeldLease held) {
                lease.release(held);
            }

            @Override
            public Optional<LeaseHolder> currentHolder() {
                return lease.currentHolder();
            }

            @Override
            public void close() {
                lease.close();
            }
        };
    }

    /** {@code ecs} as replica {@code replica}'s, recording every RunTask and StopTask it sends. */
    EcsGateway recording(String replica, EcsGateway ecs) {
        return new EcsGateway() {
            @Override
            public LaunchResult runTask(Launch launch) {
                calls.add(new Call(replica, System.nanoTime(), "RunTask", launch.group() + " x" + launch.count()));
                return ecs.runTask(launch);
            }

            @Override
            public StopResult stopTask(Stop stop) {
                calls.add(new Call(replica, System.nanoTime(), "StopTask", stop.taskArn()));
                return ecs.stopTask(stop);
            }

            @Override
            public EcsResult<TaskArnPage> listTasks(String cluster, String nextToken) {
                return ecs.listTasks(cluster, nextToken);
            }

            @Override
            public EcsResult<DescribedTasks> describeTasks(String cluster, List<String> taskArns) {
                return ecs.describeTasks(cluster, taskArns);
            }
        };
    }

    long runTaskCalls() {
        return calls.stream().filter(call -> call.operation().equals("RunTask")).count();
    }

    long runTaskCallsBy(String replica) {
        return calls.stream().filter(call -> call.operation().equals("RunTask") && call.replica().equals(replica))
                .count();
    }

    /** When {@code replica} sent its first RunTask (System.nanoTime); fails if it sent none. */
    long firstRunTaskAt(String replica) {
        return calls.stream().filter(call -> call.operation().equals("RunTask") && call.replica().equals(replica))
                .mapToLong(Call::nanos).min().orElseThrow(() -> new AssertionError(replica + " sent no RunTask"));
    }

    /** Calls {@code replica} sent at or after {@code sinceNanos} (System.nanoTime). */
    List<Call> callsBy(String replica, long sinceNanos) {
        return calls.stream().filter(call -> call.replica().equals(replica) && call.nanos() >= sinceNanos).toList();
    }

    /** When {@code replica} last took the lease (System.nanoTime); fails if it never did. */
    long tookLeadAt(String replica) {
        return acquisitions.stream().filter(a -> a.replica().equals(replica)).mapToLong(Acquisition::nanos).max()
                .orElseThrow(() -> new AssertionError(replica + " never took the lease"));
    }

    /**
     * Calls sent by a replica that was not the last one to take the lease at that instant: it never took it, or another
     * replica took it over after it and it did not take it back.
     */
    List<Call> callsOutsideOwnTerm() {
        List<Call> outside = new ArrayList<>();
        for (Call call : calls) {
            Optional<Acquisition> latest = acquisitions.stream().filter(a -> a.nanos() <= call.nanos())
                    .reduce((earlier, later) -> later.nanos() >= earlier.nanos() ? later : earlier);
            if (latest.isEmpty() || !latest.get().replica().equals(call.replica())) {
                outside.add(call);
            }
        }
        return outside;
    }
}
