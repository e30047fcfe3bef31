package io.fargatereconciler.plan;

/** Why a group launched fewer copies this pass than it misses; {@link #NONE} when nothing held it back. */
public enum Hold {
    NONE,
    /** Its cluster was not observed: nothing is planned blind. */
    NOT_OBSERVED,
    /**
     * The daemon restarted while this group's launches were in flight: wait until ListTasks has caught up
     * (see {@link RestartGuard}).
     */
    AFTER_RESTART,
    /** ECS throttled us or failed recently: the whole loop pauses. */
    PAUSED,
    /** The group's own starts failed: it waits out its backoff. */
    BACKOFF,
    /** Recovering from failures: only a slow-start batch may be pending at once. */
    SLOW_START,
    /**
     * None of the group's subnets has a recent successful start: a probe batch is starting in them, and the rest
     * waits until a probe leaves PROVISIONING (so one silent subnet cannot swallow a whole launch).
     */
    PROBE,
    /** Rolling: no more room above desired (maxSurge) until outdated copies stop. */
    SURGE_LIMIT,
    /** The shared RunTask budget is spent for now. */
    BUDGET,
    /** {@code spec.paused} is true: nothing is launched or stopped for the group until it is set back to false. */
    SPEC_PAUSED;

    /**
     * Whether this hold keeps missing copies from being launched for a reason of its own, shown as the group's
     * Progressing reason ({@code Held...}) and logged once: every hold but {@link #NONE}, {@link #NOT_OBSERVED}
     * (its own conditions) and {@link #SURGE_LIMIT} (the pace of a rolling update, shown as {@code RollingUpdate}).
     * A paused group's Progressing reason is {@code Paused}, its message says why.
     */
    public boolean holdsBack() {
        return this != NONE && this != NOT_OBSERVED && this != SURGE_LIMIT;
    }
}
