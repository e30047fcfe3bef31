package io.fargatereconciler.plan;

import io.fargatereconciler.desired.ResourceKey;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Live copies of ours (our {@code startedBy} and group tag) whose group the desired state does not declare: a group
 * removed or renamed, or one of a team that is held back before it ever loaded.
 *
 * @param group         the group their tag names
 * @param tasks         the live copies, as last observed
 * @param orphanedSince when this daemon first saw them without a declared group (a restart starts the clock again)
 * @param stopAt        when they are stopped if still not declared ({@code reconciler.orphans.stop-after} after
 *                      {@code orphanedSince}); null when they are never stopped
 * @param kept          why they are not being stopped now; null when this pass stops them
 */
public record OrphanGroup(ResourceKey group, List<OrphanTask> tasks, Instant orphanedSince, Instant stopAt,
                          String kept) {
    public OrphanGroup {
        Objects.requireNonNull(group, "group");
        tasks = List.copyOf(tasks);
        Objects.requireNonNull(orphanedSince, "orphanedSince");
    }
}
