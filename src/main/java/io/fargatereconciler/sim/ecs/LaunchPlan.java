package io.fargatereconciler.sim.ecs;

import io.fargatereconciler.sim.faults.EniFailureKind;
import java.time.Duration;

/**
 * What will happen to a task, decided (with the seeded random) when RunTask places it.
 *
 * @param outcome         how its start ends
 * @param eniFailureKind  for {@link Outcome#ENI_FAILURE}: how
 * @param provisioning    how long it stays PROVISIONING when it starts (drawn, slow start applied)
 * @param pending         how long it stays PENDING when it starts (drawn, slow start applied)
 * @param activating      how long it stays ACTIVATING (drawn)
 * @param exitAfterMillis run time after which the essential container exits, or -1 for never
 * @param exitCode        that exit code
 */
public record LaunchPlan(Outcome outcome, EniFailureKind eniFailureKind, Duration provisioning, Duration pending,
                         Duration activating, long exitAfterMillis, int exitCode) {

    /** How a task's start ends. */
    public enum Outcome {
        STARTS, ENI_FAILURE, IP_EXHAUSTED, IMAGE_PULL_FAILURE;
    }

    /** True when the task can never reach RUNNING: the RunTask that launched it was doomed. */
    public boolean doomed() {
        return outcome != Outcome.STARTS;
    }
}
