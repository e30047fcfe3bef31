package io.fargatereconciler.desired;

/** What a scheduled Job does when a run is due while the previous one is still going (as Kubernetes CronJob). */
public enum ConcurrencyPolicy {
    /** Start the new run alongside. */
    Allow,
    /** Skip the new run (recorded as skipped). */
    Forbid,
    /** Stop the running one and start the new run. */
    Replace
}
