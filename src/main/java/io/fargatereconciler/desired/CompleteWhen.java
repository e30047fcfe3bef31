package io.fargatereconciler.desired;

/** When a Job run counts as done. */
public enum CompleteWhen {
    /** Once its task reaches RUNNING (what the Step Functions recipe checks). */
    Running,
    /** Once all essential containers exited with code 0. */
    Succeeded
}
