package io.fargatereconciler.aws;

import io.fargatereconciler.observe.ObservedTask;
import java.util.List;

/**
 * One DescribeTasks answer: the tasks ECS still knows, and the ARNs it reported as failures (typically
 * "MISSING": stopped more than its retention ago).
 */
public record DescribedTasks(List<ObservedTask> tasks, List<String> missingArns) {
    public DescribedTasks {
        tasks = List.copyOf(tasks);
        missingArns = List.copyOf(missingArns);
    }
}
