package io.fargatereconciler.desired;

/** One validated desired-state resource: something to launch and keep (a TaskGroup) or run (a Job). */
public sealed interface DesiredResource extends DesiredDocument permits TaskGroup, Job {
    TaskSpec task();
}
