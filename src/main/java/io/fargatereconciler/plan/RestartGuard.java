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
 * the same assumption that lets expectations expire. A lost launch still unlisted at this daemon's first pass was
 * therefore made less than {@code expectationTimeout} before it, and a copy that ListTasks did not show yet when
 * that launch's token was derived was created less than {@code expectationTimeout} before that launch. So a
 * partly caught-up listing can only involve copies created in the {@code 2 × expectationTimeout} before the first
 * pass. A group with such a listed copy (evidence that launches were in flight) launches nothing until an
 * observation taken {@code expectationTimeout} after that first pass, when every lost launch is listed. A group
 * started from empty, or one whose copies are all older, is not held: for it the clientTokens suffice. A copy
 * without a creation time counts as recent.
 *
 * <p>One timeout is not enough: launches at t and t + 54 s (the second delayed by the launch budget and
 * throttling) with ListTasks lagging 73 s, and a restart at t + 126 s, show the first launch's copies (created
 * 126 s earlier) but not the second's; its token was derived from the empty listing of t + 54 s, so a token from the listing of t + 126 s is
 * new and ECS would start the lost copy a second time.
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
        Instant recent = startedAt.minus(timeout.multipliedBy(2));
        boolean launchedBeforeStart = ours.stream().map(ObservedTask::createdAt)
                .anyMatch(created -> created == null || (created.isBefore(startedAt) && created.isAfter(recent)));
        return launchedBeforeStart ? until : null;
    }
}
