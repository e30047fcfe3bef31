package io.fargatereconciler.plan;

import io.fargatereconciler.observe.ObservedTask;

/**
 * How our tasks are marked, so observation finds exactly them and nothing else is ever stopped: every task we
 * launch carries {@code startedBy} = the owner id (config {@code reconciler.owner-id}) and these tags.
 */
public final class Ownership {
    /** Tag naming the resource a task belongs to, e.g. {@code TaskGroup/api}. */
    public static final String GROUP_TAG = "fargate-reconciler/group";
    /** Tag carrying {@link io.fargatereconciler.desired.TaskSpec#specHash()} at launch. */
    public static final String SPEC_HASH_TAG = "fargate-reconciler/spec-hash";
    /** Tag carrying a Job run's identity (job + scheduled time), absent on TaskGroup copies. */
    public static final String JOB_RUN_TAG = "fargate-reconciler/job-run";
    /** The default owner id; ECS limits startedBy to 128 characters. */
    public static final String DEFAULT_OWNER_ID = "fargate-reconciler";

    private Ownership() {
    }

    /**
     * True only for a task we launched: {@code startedBy} is our owner id and it carries our group tag. The
     * observer already lists by {@code startedBy}; checking both again here is what makes "never stop a task
     * that is not ours" hold whatever the observation contains.
     */
    public static boolean isOurs(String ownerId, ObservedTask task) {
        return ownerId.equals(task.startedBy()) && task.group() != null;
    }
}
