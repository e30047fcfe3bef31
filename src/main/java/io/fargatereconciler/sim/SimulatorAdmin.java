package io.fargatereconciler.sim;

import io.fargatereconciler.sim.ec2.SimSubnet;
import io.fargatereconciler.sim.ecs.SimCluster;
import io.fargatereconciler.sim.ecs.SimTask;
import io.fargatereconciler.sim.events.TaskStateChangeListener;
import io.fargatereconciler.sim.faults.ApiFaults;
import io.fargatereconciler.sim.faults.FaultModel;
import io.fargatereconciler.sim.faults.SubnetFaults;
import io.fargatereconciler.sim.faults.TaskBehaviour;
import io.fargatereconciler.sim.sns.RecordedSnsMessage;
import io.fargatereconciler.sim.world.Simulation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The operator's handle on a running simulator, for tests and demos: change faults, break subnets, stop or kill
 * tasks as a person would, and read what happened (tasks, SNS messages, API calls). The HTTP admin API under
 * {@code /_sim/} offers the same. Every method is thread-safe and sees the world as of the clock's current instant.
 */
public final class SimulatorAdmin {
    private final Simulation sim;

    SimulatorAdmin(Simulation sim) {
        this.sim = sim;
    }

    public Instant now() {
        return sim.clock().instant();
    }

    // --- faults

    public FaultModel faults() {
        return sim.faults().model();
    }

    /** Puts a whole new fault model in force (outage windows count from the simulator's start). */
    public void setFaults(FaultModel faults) {
        sim.apply(now -> {
            sim.faults().replace(faults, now);
            return null;
        });
    }

    public void setSubnetFaults(String subnetId, SubnetFaults faults) {
        sim.apply(now -> {
            requireSubnet(subnetId);
            sim.faults().setSubnetFaults(subnetId, faults);
            return null;
        });
    }

    /** Every later task placed in the subnet fails its ENI with this probability (0..1). */
    public void setEniFailureProbability(String subnetId, double probability) {
        setSubnetFaults(subnetId, faults().subnet(subnetId).withEniFailureProbability(probability));
    }

    /** From now until {@link #endEniOutage}, every task placed in the subnet fails its ENI. */
    public void startEniOutage(String subnetId) {
        sim.apply(now -> {
            requireSubnet(subnetId);
            sim.faults().startOutage(subnetId, now, Long.MAX_VALUE);
            return null;
        });
    }

    /** An ENI outage of the subnet from now for {@code duration}. */
    public void startEniOutage(String subnetId, Duration duration) {
        sim.apply(now -> {
            requireSubnet(subnetId);
            sim.faults().startOutage(subnetId, now, now + duration.toMillis());
            return null;
        });
    }

    public void endEniOutage(String subnetId) {
        sim.apply(now -> {
            sim.faults().endOutage(subnetId, now);
            return null;
        });
    }

    public boolean inEniOutage(String subnetId) {
        return sim.apply(now -> sim.faults().inOutage(subnetId, now));
    }

    /** Sets the subnet's free addresses (what other users left) as of now. */
    public void setFreeIps(String subnetId, int free) {
        sim.apply(now -> {
            requireSubnet(subnetId).setAvailableIps(free);
            return null;
        });
    }

    public int freeIps(String subnetId) {
        return sim.apply(now -> requireSubnet(subnetId).availableIps());
    }

    public void setThrottling(boolean enabled) {
        sim.apply(now -> {
            sim.faults().setThrottlingEnabled(enabled, now);
            return null;
        });
    }

    public void setApiFaults(ApiFaults api) {
        sim.apply(now -> {
            sim.faults().setApi(api);
            return null;
        });
    }

    /**
     * The next {@code times} calls of {@code operation} ({@code ec2:DeleteNetworkInterface}, {@code sns:Publish},
     * {@code ecs:RunTask}...) fail with HTTP 500 (EC2/SNS {@code InternalError}, ECS {@code ServerException}); 0
     * clears it.
     */
    public void failNextCalls(String operation, int times) {
        sim.apply(now -> {
            sim.faults().failNextCalls(operation, times);
            return null;
        });
    }

    public void setTaskBehaviours(List<TaskBehaviour> behaviours) {
        sim.apply(now -> {
            sim.faults().setTaskBehaviours(behaviours);
            return null;
        });
    }

    // --- tasks

    /** Stops a task as a person with the console would (stopCode UserInitiated); false if unknown or stopping. */
    public boolean stopTask(String taskArn, String reason) {
        return sim.apply(now -> sim.ecs().taskByArn(taskArn).map(t -> sim.lifecycle().stop(t, now, reason))
                .orElse(false));
    }

    /** Makes the task's essential container exit with {@code exitCode} now; false unless the task is RUNNING. */
    public boolean killTask(String taskArn, int exitCode) {
        return sim.apply(now -> sim.ecs().taskByArn(taskArn).map(t -> sim.lifecycle().exit(t, now, exitCode))
                .orElse(false));
    }

    /** Every task still known (STOPPED ones until their retention ends), in launch order per cluster. */
    public List<TaskSnapshot> tasks() {
        return sim.apply(now -> {
            List<TaskSnapshot> all = new ArrayList<>();
            sim.ecs().clusters().forEach(c -> c.tasks().values().forEach(t -> all.add(snapshot(t))));
            return all;
        });
    }

    public List<TaskSnapshot> tasks(String cluster) {
        return sim.apply(now -> sim.ecs().cluster(cluster).map(c -> c.tasks().values().stream()
                .map(SimulatorAdmin::snapshot).toList()).orElse(List.of()));
    }

    /** Number of tasks by lastStatus over every cluster (statuses without tasks are absent). */
    public Map<String, Long> countTasksByStatus() {
        return sim.apply(now -> {
            Map<String, Long> counts = new TreeMap<>();
            sim.ecs().clusters().forEach(c -> count(c, counts));
            return counts;
        });
    }

    public Map<String, Long> countTasksByStatus(String cluster) {
        return sim.apply(now -> {
            Map<String, Long> counts = new TreeMap<>();
            sim.ecs().cluster(cluster).ifPresent(c -> count(c, counts));
            return counts;
        });
    }

    // --- SNS, API calls, events

    public List<RecordedSnsMessage> snsMessages() {
        return sim.apply(now -> sim.sns().messages());
    }

    public void clearSnsMessages() {
        sim.apply(now -> {
            sim.sns().clearMessages();
            return null;
        });
    }

    public ApiCallStats apiCalls() {
        var c = sim.calls();
        return new ApiCallStats(c.calls(), c.throttledCalls(), c.tasksLaunched(), c.tasksDoomed(),
                c.runTaskCallsDoomed(), c.capacityFailures());
    }

    public void resetApiCalls() {
        sim.calls().reset();
    }

    /** Delivers every later task state change to {@code listener}; close the handle to stop. */
    public AutoCloseable addTaskStateChangeListener(TaskStateChangeListener listener) {
        return sim.events().addListener(listener);
    }

    /** Sends every later task state change event to this SQS queue URL (null: stop sending). */
    public void sendEventsToQueue(String queueUrl) {
        sim.events().sendToQueue(queueUrl);
    }

    private SimSubnet requireSubnet(String subnetId) {
        return sim.ec2().subnet(subnetId).orElseThrow(() -> new IllegalArgumentException(
                "no subnet " + subnetId + " in the simulator; known: "
                        + sim.ec2().subnets().stream().map(SimSubnet::id).toList()));
    }

    private static void count(SimCluster cluster, Map<String, Long> counts) {
        cluster.tasks().values().forEach(t -> counts.merge(t.lastStatus().name(), 1L, Long::sum));
    }

    static TaskSnapshot snapshot(SimTask t) {
        return new TaskSnapshot(t.arn(), t.cluster().name(), t.definition().family(), t.startedBy(), t.group(),
                t.lastStatus().name(), t.desiredStatus(), t.subnet().id(), t.subnet().availabilityZone(),
                t.privateIp(), t.stopCode(), t.stoppedReason(), Instant.ofEpochMilli(t.createdAt()),
                t.startedAt() > 0 ? Instant.ofEpochMilli(t.startedAt()) : null,
                t.stoppedAt() > 0 ? Instant.ofEpochMilli(t.stoppedAt()) : null, Map.copyOf(t.tags()), t.doomed());
    }
}
