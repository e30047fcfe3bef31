package io.fargatereconciler.plan;

import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.desired.TaskSpec;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One RunTask call: {@code count} (1..10) copies of {@code task} into {@code subnets} (already ordered and
 * filtered by subnet health), with a deterministic {@code clientToken} (at most 64 characters) so a retried or
 * repeated call never starts a second set, and {@code extraTags} beside the ownership tags (a Job run's id).
 */
public record Launch(ResourceKey group, TaskSpec task, int count, List<String> subnets, String clientToken,
                     Map<String, String> extraTags, String reason) implements Action {
    public static final int MAX_COUNT_PER_CALL = 10;

    public Launch {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(task, "task");
        if (count < 1 || count > MAX_COUNT_PER_CALL) {
            throw new IllegalArgumentException("count must be 1.." + MAX_COUNT_PER_CALL + ", was " + count);
        }
        subnets = List.copyOf(subnets);
        if (subnets.isEmpty()) {
            throw new IllegalArgumentException("a launch needs at least one subnet");
        }
        if (clientToken == null || clientToken.isEmpty() || clientToken.length() > 64) {
            throw new IllegalArgumentException("clientToken must be 1..64 characters");
        }
        extraTags = extraTags == null ? Map.of() : Map.copyOf(extraTags);
        Objects.requireNonNull(reason, "reason");
    }
}
