package io.fargatereconciler.plan;

import io.fargatereconciler.desired.ResourceKey;

/** One change the planner asks for; the loop carries it out through the gateways. */
public sealed interface Action permits Launch, Stop {
    ResourceKey group();

    /** Why, in words for the log line and the status API's events. */
    String reason();
}
