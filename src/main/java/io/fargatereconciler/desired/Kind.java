package io.fargatereconciler.desired;

/** The kinds of desired-state documents. */
public enum Kind {
    /** Keep {@code replicas} copies of a task running; a copy that stops is replaced. */
    TaskGroup,
    /** Run a task to completion, once per spec or once per scheduled time. */
    Job
}
