package io.fargatereconciler.sim.faults;

import java.time.Duration;
import java.util.Objects;

/**
 * How tasks of one family (or {@code "*"} for every family without its own entry) behave once launched.
 *
 * @param family                      a task definition family, or {@code "*"}
 * @param exitAfter                   run time after which the essential container exits (null: runs until stopped)
 * @param exitCode                    that container's exit code (default 1; 0 is a job that succeeded)
 * @param exitProbability             chance (0..1) that a task exits at all (default 1 when exitAfter is set)
 * @param slowStartProbability        chance (0..1) of a slow start
 * @param slowStartFactor             PROVISIONING and PENDING last this many times longer on a slow start (default 4)
 * @param imagePullFailureProbability chance (0..1) that the image pull fails (CannotPullContainerError)
 */
public record TaskBehaviour(String family, Duration exitAfter, Integer exitCode, Double exitProbability,
                            Double slowStartProbability, Double slowStartFactor, Double imagePullFailureProbability) {

    public TaskBehaviour {
        Objects.requireNonNull(family, "tasks[].family is required (a family name or \"*\")");
        if (exitAfter != null && exitAfter.isNegative()) {
            throw new IllegalArgumentException("tasks[" + family + "].exitAfter: must not be negative");
        }
        exitCode = exitCode == null ? 1 : exitCode;
        exitProbability = exitAfter == null ? 0.0
                : exitProbability == null ? 1.0 : Probability.check(exitProbability, "exitProbability");
        slowStartProbability = Probability.check(slowStartProbability, "slowStartProbability");
        slowStartFactor = slowStartFactor == null ? 4.0 : slowStartFactor;
        if (slowStartFactor < 1.0) {
            throw new IllegalArgumentException("tasks[" + family + "].slowStartFactor: must be >= 1");
        }
        imagePullFailureProbability = Probability.check(imagePullFailureProbability, "imagePullFailureProbability");
    }

    /** Every task of {@code family} exits with {@code exitCode} after {@code runTime} of RUNNING. */
    public static TaskBehaviour exits(String family, Duration runTime, int exitCode) {
        return new TaskBehaviour(family, runTime, exitCode, 1.0, null, null, null);
    }
}
