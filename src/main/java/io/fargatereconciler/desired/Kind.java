package io.fargatereconciler.desired;

/** The kinds of desired-state documents. */
public enum Kind {
    /** Keep {@code replicas} copies of a task running; a copy that stops is replaced. */
    TaskGroup,
    /** Run a task to completion, once per spec or once per scheduled time. */
    Job,
    /** Platform-owned: a team's folders and what its TaskGroups and Jobs may use (see {@link io.fargatereconciler.desired.Team}). */
    Team
}
