package io.fargatereconciler.loop;

import io.fargatereconciler.desired.DesiredResource;
import io.fargatereconciler.desired.DesiredState;
import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.loop.events.TaskGroupLookup;
import io.fargatereconciler.loop.events.WorkQueueSink;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where the event intake delivers: the reconcile loop's work queue. A nudged group is due at once (the loop's thread
 * wakes up and reconciles it, without waiting for the resync); a task no observation has placed in a group makes
 * every desired group of its cluster due. Backed up while more than {@link #MAX_WAITING_GROUPS} groups wait (the
 * queue holds each group once, so this only happens with that many groups and a loop that is behind).
 */
public final class LoopEventSink implements WorkQueueSink, TaskGroupLookup {
    /** Groups waiting on the work queue above which the intake stops receiving until the loop catches up. */
    public static final int MAX_WAITING_GROUPS = 1_000;

    private final ReconcileLoop loop;
    private final Supplier<Optional<DesiredState>> desiredState;

    public LoopEventSink(ReconcileLoop loop, Supplier<Optional<DesiredState>> desiredState) {
        this.loop = loop;
        this.desiredState = desiredState;
    }

    @Override
    public void nudge(ResourceKey group) {
        loop.enqueue(group);
    }

    @Override
    public void nudgeCluster(String clusterArn) {
        desiredState.get().ifPresent(desired -> desired.taskGroups().stream()
                .filter(group -> sameCluster(group.task().cluster(), clusterArn))
                .map(DesiredResource::key)
                .forEach(loop::enqueue));
    }

    @Override
    public boolean isBackedUp() {
        return loop.queueDepth() > MAX_WAITING_GROUPS;
    }

    @Override
    public Optional<ResourceKey> groupOf(String taskArn) {
        return loop.groupOfTask(taskArn);
    }

    /** A desired cluster is a name or an ARN; an event carries the ARN ({@code arn:aws:ecs:REGION:ACCT:cluster/NAME}). */
    static boolean sameCluster(String desired, String eventCluster) {
        return desired.equals(eventCluster) || nameOf(desired).equals(nameOf(eventCluster));
    }

    private static String nameOf(String cluster) {
        int slash = cluster.lastIndexOf(":cluster/");
        return slash < 0 ? cluster : cluster.substring(slash + ":cluster/".length());
    }
}
