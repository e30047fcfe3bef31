package io.fargatereconciler.aws;

import java.util.List;

/** The read-only ECS calls: what observation needs, and all that {@code plan} is given. */
public interface EcsTaskReader {
    /** ECS accepts at most this many task ARNs in one DescribeTasks call, and returns at most this many per ListTasks page. */
    int MAX_ARNS_PER_CALL = 100;

    /** One page (at most 100) of the live tasks in {@code cluster} whose startedBy is our owner id; {@code nextToken} null for the first page. */
    EcsResult<TaskArnPage> listTasks(String cluster, String nextToken);

    /** DescribeTasks (with tags) for 1..100 ARNs of one cluster. */
    EcsResult<DescribedTasks> describeTasks(String cluster, List<String> taskArns);
}
