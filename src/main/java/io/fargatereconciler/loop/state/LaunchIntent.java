package io.fargatereconciler.loop.state;

import io.fargatereconciler.desired.ResourceKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A RunTask call a leader is about to make, written to durable state before the call goes out, so a leader that
 * takes over counts its copies exactly instead of holding the group back. Open until its copies are listed or the
 * expectation timeout has passed since {@code at}.
 *
 * @param group       the TaskGroup
 * @param clientToken the call's clientToken
 * @param specHash    the spec hash of the copies
 * @param count       copies asked for (1..10)
 * @param subnets     the subnets the call names
 * @param at          when the call was made
 * @param taskArns    the tasks RunTask (or a ConflictException) named; empty while the answer is not known (the call
 *                    is in flight, or ended in a server error or timeout), when {@code count} copies may exist
 */
public record LaunchIntent(ResourceKey group, String clientToken, String specHash, int count, List<String> subnets,
                           Instant at, List<String> taskArns) {
    public LaunchIntent {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(clientToken, "clientToken");
        Objects.requireNonNull(specHash, "specHash");
        Objects.requireNonNull(at, "at");
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive, was " + count);
        }
        subnets = subnets == null ? List.of() : List.copyOf(subnets);
        taskArns = taskArns == null ? List.of() : List.copyOf(taskArns);
    }

    /** This intent once RunTask named its tasks: it now stands for exactly those. */
    LaunchIntent answered(List<String> arns) {
        return new LaunchIntent(group, clientToken, specHash, arns.size(), subnets, at, arns);
    }
}
