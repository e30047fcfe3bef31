package io.fargatereconciler.loop.events;

import io.fargatereconciler.desired.ResourceKey;
import java.util.Optional;

/** The group a task belongs to, from what the loop observed or launched; implemented by the loop. */
@FunctionalInterface
public interface TaskGroupLookup {
    Optional<ResourceKey> groupOf(String taskArn);
}
