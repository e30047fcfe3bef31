package io.fargatereconciler.loop.events;

/** What the intake did with one queue message; also the {@code outcome} tag of {@code reconciler_events_total}. */
public enum EventOutcome {
    /** Its task's group was nudged. */
    NUDGED_GROUP,
    /** Its task is ours but of no known group: its cluster was nudged for a fresh observation. */
    NUDGED_CLUSTER,
    /** A duplicate or an older version than one already seen for the task: dropped. */
    STALE,
    /** A task not started by this reconciler (other startedBy): dropped. */
    NOT_OURS,
    /** Not an ECS task state change: left on the queue for its redrive policy to move to the dead-letter queue. */
    UNPARSEABLE;

    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether the message is finished with and can be deleted from the queue. */
    boolean isHandled() {
        return this != UNPARSEABLE;
    }
}
