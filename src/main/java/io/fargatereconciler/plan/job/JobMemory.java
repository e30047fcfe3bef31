package io.fargatereconciler.plan.job;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the planner remembers of one Job between passes; the loop keeps it and hands it back next pass. Immutable.
 *
 * @param scheduledThrough  every scheduled time at or before this has been dealt with (started, missed or skipped);
 *                          null when the past is unknown, i.e. on the first pass after the daemon started
 * @param runs              runs not finished yet, oldest first
 * @param history           finished runs, newest first, bounded by the job's history limits
 * @param recentlyFinished  the ids of the last {@value #FINISHED_REMEMBERED} finished runs, whatever the history
 *                          limits, so a finished run's task still seen by ECS never reopens it
 * @param tasksToStop       task ARNs this planner asked to stop (concurrencyPolicy Replace), until seen stopped
 * @param unreported        events of RunTask answers folded in since the last plan; the next plan reports them
 */
public record JobMemory(Instant scheduledThrough, List<JobRun> runs, List<JobRunRecord> history,
                        List<JobRunId> recentlyFinished, Set<String> tasksToStop, List<JobEvent> unreported) {
    static final int FINISHED_REMEMBERED = 64;

    public JobMemory {
        runs = List.copyOf(runs);
        history = List.copyOf(history);
        recentlyFinished = List.copyOf(recentlyFinished);
        tasksToStop = Collections.unmodifiableSet(new TreeSet<>(tasksToStop));
        unreported = List.copyOf(unreported);
        if (recentlyFinished.size() > FINISHED_REMEMBERED) {
            throw new IllegalArgumentException("recentlyFinished holds at most " + FINISHED_REMEMBERED + " ids");
        }
    }

    /**
     * For every Job when the daemon starts: nothing is known of the past, so a scheduled time before now is started
     * only if it is recent enough for ECS to still remember its clientToken (see {@link JobPlanner}).
     */
    public static JobMemory afterDaemonStart() {
        return new JobMemory(null, List.of(), List.of(), List.of(), Set.of(), List.of());
    }

    /** For a Job added to the desired state while the daemon runs: only times after {@code now} are due. */
    public static JobMemory startingAt(Instant now) {
        return new JobMemory(now, List.of(), List.of(), List.of(), Set.of(), List.of());
    }

    public Optional<JobRun> run(JobRunId id) {
        return runs.stream().filter(run -> run.id().equals(id)).findFirst();
    }

    /** The last finished run, if the history keeps one. */
    public Optional<JobRunRecord> lastFinished() {
        return history.isEmpty() ? Optional.empty() : Optional.of(history.get(0));
    }
}
