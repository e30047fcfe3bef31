package io.fargatereconciler.plan.job;

import io.fargatereconciler.plan.Action;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of planning one Job: the actions to carry out (a Launch per attempt, a Stop per replaced task), the
 * memory to hand back next pass, the status to show, what happened ({@code events}), and when to plan again at the
 * latest ({@code wakeAt}, null when only the periodic resync or an event needs to look).
 */
public record JobPlan(List<Action> actions, JobMemory memory, JobStatus status, List<JobEvent> events,
                      Instant wakeAt) {
    public JobPlan {
        actions = List.copyOf(actions);
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(status, "status");
        events = List.copyOf(events);
    }

    /** How long from {@code now} until {@link #wakeAt()}, never negative. */
    public Optional<Duration> requeueAfter(Instant now) {
        if (wakeAt == null) {
            return Optional.empty();
        }
        Duration after = Duration.between(now, wakeAt);
        return Optional.of(after.isNegative() ? Duration.ZERO : after);
    }
}
