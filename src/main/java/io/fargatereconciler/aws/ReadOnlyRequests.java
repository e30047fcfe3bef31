package io.fargatereconciler.aws;

import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Refuses every request but the given read-only ones before it is signed or sent, so a one-shot command's client
 * ({@code plan}, {@code validate --against-aws}) cannot change anything whatever its credentials allow.
 */
final class ReadOnlyRequests implements ExecutionInterceptor {
    private final String client;
    private final Set<Class<? extends SdkRequest>> allowed;

    /** {@code client} names the client in the refusal, e.g. {@code ECS}. */
    ReadOnlyRequests(String client, Set<Class<? extends SdkRequest>> allowed) {
        this.client = client;
        this.allowed = Set.copyOf(allowed);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        if (!allowed.contains(request.getClass())) {
            throw new IllegalStateException("refusing " + request.getClass().getSimpleName() + ": this " + client
                    + " client is read-only (" + allowed.stream().map(type -> type.getSimpleName().replace("Request", ""))
                    .sorted().collect(Collectors.joining(" and ")) + " only)");
        }
    }
}
