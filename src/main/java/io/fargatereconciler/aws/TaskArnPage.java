package io.fargatereconciler.aws;

import java.util.List;

/** One ListTasks page; {@code nextToken} is null on the last page. */
public record TaskArnPage(List<String> taskArns, String nextToken) {
    public TaskArnPage {
        taskArns = List.copyOf(taskArns);
    }

    public boolean isLast() {
        return nextToken == null || nextToken.isEmpty();
    }
}
