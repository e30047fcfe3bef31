package io.fargatereconciler.plan;

import io.fargatereconciler.observe.ObservedTask;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Keeps a restarted daemon from launching a second copy of what its predecessor launched just before it died.
 *
 * <p>ClientTokens cover a restart as long as the group's live set, as ListTasks shows it, is what it was when the
 * lost launch was made: the same token is derived and ECS answers with the tasks it already started. They cannot
 * cover a live set that changes while the lost launch is still unlisted. That happens when the predecessor made
 * several launches in quick succession and ListTasks shows the earlier ones but not yet the later ones (a partly
 * caught-up listing). The memory that knew those launches is gone.
 *
 * <p>The planner already assumes that a launch shows up in ListTasks within {@code expectationTimeout}; it is
 * the same assumption that lets expectations expire. So after a restart, a group with a listed copy created in
 * the {@code expectationTimeout} before this daemon's first pass (evidence that launches were in flight)
 * launches nothing until an observation taken {@code expectationTimeout} after that first pass. A group started
 * from empty, or one whose copies are all older, is not held: for it the clientTokens suffice. A copy without a
 * creation time counts as recent.
 */
final class RestartGuard {
    private RestartGuard() {
    }

    /** Until when launches of the group are held; null when they are not. */
    static Instant holdUntil(List<ObservedTask> ours, Instant startedAt, Instant observedAt, Duration timeout) {
        Instant until = startedAt.plus(timeout);
        if (!observedAt.isBefore(until)) {
            return null;
        }
        Instant recent = startedAt.minus(timeout);
        boolean launchedBeforeStart = ours.stream().map(ObservedTask::createdAt)
                .anyMatch(created -> created == null || (created.isBefore(startedAt) && created.isAfter(recent)));
        return launchedBeforeStart ? until : null;
    }
}
