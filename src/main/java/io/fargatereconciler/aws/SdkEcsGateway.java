package io.fargatereconciler.aws;

import io.fargatereconciler.observe.ObservedTask;
import io.fargatereconciler.observe.StopClassifier;
import io.fargatereconciler.plan.Launch;
import io.fargatereconciler.plan.LaunchResult;
import io.fargatereconciler.plan.Stop;
import io.fargatereconciler.plan.StopResult;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ConflictException;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.StopTaskResponse;
import software.amazon.awssdk.services.ecs.model.TaskField;

/**
 * {@link EcsGateway} on the AWS SDK v2 {@link EcsClient}, every call behind one {@link EcsCallGuard}. Every attempt of
 * RunTask and StopTask, retries included, first asks the {@link MutationPermit}; when it says no, the call throws
 * {@link MutationRefused} and nothing is sent.
 */
public final class SdkEcsGateway implements EcsGateway {
    private final EcsClient ecs;
    private final String ownerId;
    private final EcsCallGuard guard;
    private final MutationPermit permit;

    /** A gateway that may always mutate: a single replica, or a command that only reads. */
    public SdkEcsGateway(EcsClient ecs, String ownerId, EcsConfig config) {
        this(ecs, ownerId, config, MutationPermit.ALWAYS);
    }

    public SdkEcsGateway(EcsClient ecs, String ownerId, EcsConfig config, MutationPermit permit) {
        this.permit = Objects.requireNonNull(permit, "permit");
        this.ecs = Objects.requireNonNull(ecs, "ecs");
        if (ownerId == null || ownerId.isBlank() || ownerId.length() > 128) {
            throw new IllegalArgumentException("reconciler.owner-id must be 1..128 characters (ECS startedBy limit)");
        }
        this.ownerId = ownerId;
        this.guard = new EcsCallGuard(config);
    }

    @Override
    public LaunchResult runTask(Launch launch) {
        EcsResult<LaunchResult> result = guarded("RunTask", () -> {
            requirePermit("RunTask");
            RunTaskResponse response;
            try {
                response = ecs.runTask(RunTaskRequests.of(launch, ownerId));
            } catch (ConflictException conflict) {
                // the token landed before with other parameters: ECS names that call's tasks, which we follow
                return LaunchResult.tokenConflict(EcsErrors.toResult("RunTask", conflict).describe(),
                        conflict.hasResourceIds() ? conflict.resourceIds() : List.of());
            }
            String cluster = launch.task().cluster();
            List<ObservedTask> tasks = response.tasks().stream()
                    .map(task -> EcsTaskMapper.toObservedTask(cluster, task)).toList();
            return PlanResults.launched(tasks, response.failures());
        });
        return result instanceof EcsResult.Ok<LaunchResult> ok ? ok.value() : PlanResults.launchFailed(result);
    }

    @Override
    public StopResult stopTask(Stop stop) {
        EcsResult<StopTaskResponse> result = guarded("StopTask", () -> {
            requirePermit("StopTask");
            return ecs.stopTask(request -> request.cluster(stop.cluster()).task(stop.taskArn())
                    .reason(truncate(StopClassifier.OWN_STOP_PREFIX + stop.reason(), 255)));
        });
        return result.isOk() ? StopResult.stopped() : PlanResults.stopFailed(result);
    }

    @Override
    public EcsResult<TaskArnPage> listTasks(String cluster, String nextToken) {
        return guarded("ListTasks", () -> {
            ListTasksResponse response = ecs.listTasks(request -> request.cluster(cluster).startedBy(ownerId)
                    .maxResults(MAX_ARNS_PER_CALL).nextToken(nextToken));
            return new TaskArnPage(response.taskArns(), response.nextToken());
        });
    }

    @Override
    public EcsResult<DescribedTasks> describeTasks(String cluster, List<String> taskArns) {
        if (taskArns.isEmpty() || taskArns.size() > MAX_ARNS_PER_CALL) {
            throw new IllegalArgumentException("DescribeTasks takes 1.." + MAX_ARNS_PER_CALL + " ARNs, got " + taskArns.size());
        }
        return guarded("DescribeTasks", () -> {
            DescribeTasksResponse response = ecs.describeTasks(request -> request.cluster(cluster).tasks(taskArns)
                    .include(TaskField.TAGS));
            List<ObservedTask> tasks = response.tasks().stream()
                    .map(task -> EcsTaskMapper.toObservedTask(cluster, task)).toList();
            List<String> missing = response.failures().stream().map(Failure::arn).filter(Objects::nonNull).toList();
            return new DescribedTasks(tasks, missing);
        });
    }

    /** The circuit breaker's state: OPEN means ECS failed so often that calls are refused for a while. */
    public CircuitBreakerState circuitState() {
        return guard.circuitState();
    }

    private void requirePermit(String operation) {
        if (!permit.permitted()) {
            throw new MutationRefused(operation);
        }
    }

    private <T> EcsResult<T> guarded(String operation, Supplier<T> call) {
        try {
            return EcsResult.ok(guard.call(call));
        } catch (MutationRefused refused) {
            throw refused;
        } catch (RuntimeException error) {
            return EcsErrors.toResult(operation, error);
        }
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
