package io.fargatereconciler.aws;

import io.fargatereconciler.observe.ObservedTask;
import io.fargatereconciler.observe.StopClassifier;
import io.fargatereconciler.plan.LaunchFailure;
import io.fargatereconciler.plan.LaunchResult;
import io.fargatereconciler.plan.StopResult;
import java.util.List;
import software.amazon.awssdk.services.ecs.model.Failure;

/** Translates what RunTask and StopTask answered (or threw) into the planner's result values. */
final class PlanResults {
    private PlanResults() {
    }

    /**
     * A RunTask answer. When every task it returned is already STOPPED, ECS recognised our clientToken and
     * returned an earlier call's tasks instead of launching: that is {@link LaunchResult.Outcome#TOKEN_REUSED}.
     */
    static LaunchResult launched(List<ObservedTask> tasks, List<Failure> failures) {
        if (!tasks.isEmpty() && failures.isEmpty() && tasks.stream().allMatch(ObservedTask::isStopped)) {
            return LaunchResult.tokenReused(tasks.stream().map(ObservedTask::taskArn).toList()).withTasks(tasks);
        }
        List<String> live = tasks.stream().filter(t -> !t.isStopped()).map(ObservedTask::taskArn).toList();
        List<LaunchFailure> translated = failures.stream()
                .map(f -> new LaunchFailure(f.arn(), f.reason(), f.detail(), StopClassifier.classifyLaunchFailure(f.reason())))
                .toList();
        return LaunchResult.started(live, translated).withTasks(tasks);
    }

    static LaunchResult launchFailed(EcsResult<?> failure) {
        if (failure instanceof EcsResult.Throttled<?>) {
            return LaunchResult.throttled(failure.describe());
        }
        if (failure instanceof EcsResult.Rejected<?>) {
            return LaunchResult.rejected(failure.describe()); // a ConflictException is answered by the gateway itself
        }
        return LaunchResult.serverError(failure.describe());
    }

    static StopResult stopFailed(EcsResult<?> failure) {
        if (failure instanceof EcsResult.Throttled<?>) {
            return StopResult.throttled(failure.describe());
        }
        if (failure instanceof EcsResult.Rejected<?> rejected) {
            boolean gone = "InvalidParameterException".equals(rejected.errorCode()) && rejected.message() != null
                    && rejected.message().contains("task was not found");
            return gone ? StopResult.notFound() : StopResult.rejected(failure.describe());
        }
        return StopResult.serverError(failure.describe());
    }
}
