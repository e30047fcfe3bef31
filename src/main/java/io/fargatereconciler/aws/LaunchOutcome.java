package io.fargatereconciler.aws;

import io.fargatereconciler.observe.ObservedTask;
import java.util.List;

/** What one RunTask call did: the tasks ECS accepted (usually PROVISIONING) and its failures[] entries. */
public record LaunchOutcome(List<ObservedTask> started, List<LaunchFailure> failures) {
    public LaunchOutcome {
        started = List.copyOf(started);
        failures = List.copyOf(failures);
    }
}
