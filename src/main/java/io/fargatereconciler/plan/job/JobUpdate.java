package io.fargatereconciler.plan.job;

import java.util.List;
import java.util.Objects;

/** The memory to keep after a RunTask answer, and what the answer meant ({@link JobEvent.AttemptFailed}, ...). */
public record JobUpdate(JobMemory memory, List<JobEvent> events) {
    public JobUpdate {
        Objects.requireNonNull(memory, "memory");
        events = List.copyOf(events);
    }
}
