package io.fargatereconciler.plan.job;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A Job's entry in the run ledger: what a new leader or a restarted daemon needs to carry on exactly where the last
 * one stopped. It is a {@link JobMemory} without the events not reported yet (those go out once, by the daemon that
 * planned them). The loop writes it before a run's first RunTask and after every change; the history is bounded by
 * the job's history limits and the finished-run ids by {@link JobMemory#FINISHED_REMEMBERED}, so old entries drop out
 * as new ones come in.
 *
 * @param scheduledThrough every scheduled time at or before this was dealt with: schedules resume from here
 * @param runs             runs not finished yet, each with its current attempt (clientToken {@code
 *                         JobRunId.clientToken(attempt)}, subnets, task ARN)
 * @param history          finished runs, newest first, with their outcome
 * @param recentlyFinished ids of the last finished runs: a run named here is never started again
 * @param tasksToStop      tasks asked to stop (concurrencyPolicy Replace) and not yet seen stopped
 */
public record JobLedger(Instant scheduledThrough, List<JobRun> runs, List<JobRunRecord> history,
                        List<JobRunId> recentlyFinished, Set<String> tasksToStop) {
    public JobLedger {
        runs = List.copyOf(runs);
        history = List.copyOf(history);
        recentlyFinished = List.copyOf(recentlyFinished);
        tasksToStop = Collections.unmodifiableSet(new TreeSet<>(tasksToStop));
    }

    public static JobLedger of(JobMemory memory) {
        return new JobLedger(memory.scheduledThrough(), memory.runs(), memory.history(), memory.recentlyFinished(),
                memory.tasksToStop());
    }

    /** The memory to plan on from here: nothing to report yet. */
    public JobMemory resume() {
        return new JobMemory(scheduledThrough, runs, history, recentlyFinished, tasksToStop, List.of());
    }
}
