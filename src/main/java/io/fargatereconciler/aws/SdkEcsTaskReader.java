package io.fargatereconciler.aws;

import io.fargatereconciler.observe.ObservedTask;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DescribeTasksRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTasksResponse;
import software.amazon.awssdk.services.ecs.model.Failure;
import software.amazon.awssdk.services.ecs.model.ListTasksRequest;
import software.amazon.awssdk.services.ecs.model.ListTasksResponse;
import software.amazon.awssdk.services.ecs.model.TaskField;

/**
 * {@link EcsTaskReader} on its own SDK v2 {@link EcsClient} that can only read: an interceptor refuses every request
 * but ListTasks and DescribeTasks before it is signed or sent. For one-shot commands ({@code plan}): the SDK's
 * standard retries stand in for the daemon's fault-tolerance guard.
 */
public final class SdkEcsTaskReader implements EcsTaskReader, AutoCloseable {
    /** Refuses any ECS request that could change something, before it leaves the process. */
    static final ReadOnlyRequests READ_ONLY = new ReadOnlyRequests("ECS",
            Set.of(ListTasksRequest.class, DescribeTasksRequest.class));

    private final EcsClient ecs;
    private final String ownerId;

    private SdkEcsTaskReader(EcsClient ecs, String ownerId) {
        this.ecs = ecs;
        this.ownerId = Objects.requireNonNull(ownerId, "ownerId");
    }

    /** Connects where {@code endpoint} says (else the SDK's standard settings, e.g. {@code AWS_ENDPOINT_URL_ECS}). */
    public static SdkEcsTaskReader connect(AwsEndpoint endpoint, String ownerId) {
        var builder = endpoint.applyTo(EcsClient.builder())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy())
                        .addExecutionInterceptor(READ_ONLY)
                        .build());
        try {
            return new SdkEcsTaskReader(builder.build(), ownerId);
        } catch (SdkClientException noRegion) {
            throw new IllegalStateException("cannot build the ECS client: " + noRegion.getMessage()
                    + ". Set AWS_REGION (or AWS_PROFILE with a region), or pass --region", noRegion);
        }
    }

    @Override
    public EcsResult<TaskArnPage> listTasks(String cluster, String nextToken) {
        return call("ListTasks", () -> {
            ListTasksResponse response = ecs.listTasks(request -> request.cluster(cluster).startedBy(ownerId)
                    .maxResults(MAX_ARNS_PER_CALL).nextToken(nextToken));
            return new TaskArnPage(response.taskArns(), response.nextToken());
        });
    }

    @Override
    public EcsResult<DescribedTasks> describeTasks(String cluster, List<String> taskArns) {
        return call("DescribeTasks", () -> {
            DescribeTasksResponse response = ecs.describeTasks(request -> request.cluster(cluster).tasks(taskArns)
                    .include(TaskField.TAGS));
            List<ObservedTask> tasks = response.tasks().stream()
                    .map(task -> EcsTaskMapper.toObservedTask(cluster, task)).toList();
            List<String> missing = response.failures().stream().map(Failure::arn).filter(Objects::nonNull).toList();
            return new DescribedTasks(tasks, missing);
        });
    }

    @Override
    public void close() {
        ecs.close();
    }

    private static <T> EcsResult<T> call(String operation, Supplier<T> call) {
        try {
            return EcsResult.ok(call.get());
        } catch (RuntimeException error) {
            return EcsErrors.toResult(operation, error);
        }
    }
}
