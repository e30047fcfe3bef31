package io.fargatereconciler.plan;

import io.fargatereconciler.observe.ObservedTask;
import io.fargatereconciler.observe.TaskStatus;
import io.fargatereconciler.plan.job.JobLaunchResult;
import java.util.List;

/** Translates the answer to a Job's RunTask (always one task) into the Job planner's terms. */
final class JobLaunchResults {
    private JobLaunchResults() {
    }

    static JobLaunchResult of(Launch launch, LaunchResult result) {
        return switch (result.outcome()) {
            case STARTED -> {
                if (!result.taskArns().isEmpty()) {
                    yield JobLaunchResult.started(described(launch, result, result.taskArns().get(0)));
                }
                if (!result.failures().isEmpty()) {
                    LaunchFailure failure = result.failures().get(0);
                    yield JobLaunchResult.failed(failure.message(), failure.cause());
                }
                yield JobLaunchResult.serverError("RunTask answered with neither a task nor a failure");
            }
            case TOKEN_REUSED -> result.taskArns().isEmpty()
                    ? JobLaunchResult.serverError("RunTask reused the clientToken but named no task")
                    : JobLaunchResult.tokenReused(described(launch, result, result.taskArns().get(0)));
            case TOKEN_CONFLICT -> result.taskArns().isEmpty()
                    ? JobLaunchResult.tokenConflict(result.message(), null)
                    : JobLaunchResult.tokenConflict(result.message(), described(launch, result, result.taskArns().get(0)));
            case THROTTLED -> JobLaunchResult.throttled(result.message());
            case SERVER_ERROR -> JobLaunchResult.serverError(result.message());
            case REJECTED -> JobLaunchResult.rejected(result.message());
        };
    }

    /**
     * The task as RunTask's answer described it. A gateway that did not pass the description on leaves only the
     * ARN: the task is then taken as on its way (or, reused, on its way out) until an observation shows it.
     */
    private static ObservedTask described(Launch launch, LaunchResult result, String arn) {
        return result.tasks().stream().filter(task -> task.taskArn().equals(arn)).findFirst().orElseGet(() -> {
            boolean reused = result.outcome() == LaunchResult.Outcome.TOKEN_REUSED;
            return new ObservedTask(arn, launch.task().cluster(), launch.group(), launch.task().specHash(), null,
                    reused ? TaskStatus.DEPROVISIONING : TaskStatus.PROVISIONING,
                    reused ? TaskStatus.STOPPED : TaskStatus.RUNNING, null, null, null, null, null, null, null,
                    List.of(), launch.extraTags());
        });
    }
}
