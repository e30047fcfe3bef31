package io.fargatereconciler.aws;

import io.fargatereconciler.observe.ObservedTask;
import io.fargatereconciler.plan.Launch;
import io.fargatereconciler.plan.Stop;
import java.util.List;

/**
 * The ECS calls the reconciler makes, translated to our records. Every expected failure comes back as an
 * {@link EcsResult} value (throttled, unavailable, rejected); implementations decide nothing.
 */
public interface EcsGateway {
    /** ECS accepts at most this many task ARNs in one DescribeTasks call, and returns at most this many per ListTasks page. */
    int MAX_ARNS_PER_CALL = 100;

    /** RunTask for {@code launch}, marked with our startedBy and ownership tags; failures[] entries come back as values. */
    EcsResult<LaunchOutcome> runTask(Launch launch);

    /** StopTask for a task we own; the reason ECS records starts with {@code StopClassifier.OWN_STOP_PREFIX}. */
    EcsResult<ObservedTask> stopTask(Stop stop);

    /** One page (at most 100) of the live tasks in {@code cluster} whose startedBy is our owner id; {@code nextToken} null for the first page. */
    EcsResult<TaskArnPage> listTasks(String cluster, String nextToken);

    /** DescribeTasks (with tags) for 1..100 ARNs of one cluster. */
    EcsResult<DescribedTasks> describeTasks(String cluster, List<String> taskArns);
}
