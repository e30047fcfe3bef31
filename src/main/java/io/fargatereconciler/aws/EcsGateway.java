package io.fargatereconciler.aws;

import io.fargatereconciler.plan.Launch;
import io.fargatereconciler.plan.LaunchResult;
import io.fargatereconciler.plan.Stop;
import io.fargatereconciler.plan.StopResult;
import java.util.List;

/**
 * The ECS calls the reconciler makes, translated to our records. Every expected failure comes back as an
 * {@link EcsResult} value (throttled, unavailable, rejected); implementations decide nothing.
 */
public interface EcsGateway {
    /** ECS accepts at most this many task ARNs in one DescribeTasks call, and returns at most this many per ListTasks page. */
    int MAX_ARNS_PER_CALL = 100;

    /**
     * RunTask for {@code launch}, marked with our startedBy and ownership tags, in the planner's terms: started
     * (with failures[] entries), clientToken reused or in conflict, throttled, server error or rejected.
     */
    LaunchResult runTask(Launch launch);

    /** StopTask for a task we own; the reason ECS records starts with {@code StopClassifier.OWN_STOP_PREFIX}. */
    StopResult stopTask(Stop stop);

    /** One page (at most 100) of the live tasks in {@code cluster} whose startedBy is our owner id; {@code nextToken} null for the first page. */
    EcsResult<TaskArnPage> listTasks(String cluster, String nextToken);

    /** DescribeTasks (with tags) for 1..100 ARNs of one cluster. */
    EcsResult<DescribedTasks> describeTasks(String cluster, List<String> taskArns);
}
