package io.fargatereconciler.loop.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** {@code reconciler.events.*}: task-state events from SQS. Documented in docs/configuration.md. */
@ConfigMapping(prefix = "reconciler.events")
public interface EventIntakeConfig {

    /** The SQS queue EventBridge delivers ECS task state changes to; unset means no events (resync only). */
    Optional<String> queueUrl();

    @WithDefault("20s")
    Duration waitTime();

    @WithDefault("10")
    int maxMessages();

    /** The queue's region; unset means the SDK's default region chain. */
    Optional<String> region();

    /** An SQS endpoint to use instead of AWS's (a VPC endpoint, or ElasticMQ for local runs). */
    Optional<URI> endpointOverride();
}
