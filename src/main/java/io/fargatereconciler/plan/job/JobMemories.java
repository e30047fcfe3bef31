package io.fargatereconciler.plan.job;

import io.fargatereconciler.desired.Job;
import io.fargatereconciler.desired.ResourceKey;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the planner remembers of every Job: each one's {@link JobMemory}, and the definition it was last planned
 * with (a RunTask answer is folded in with the definition its launch was planned from). Immutable.
 */
public record JobMemories(Map<ResourceKey, Job> jobs, Map<ResourceKey, JobMemory> memories) {
    public static final JobMemories NONE = new JobMemories(Map.of(), Map.of());

    public JobMemories {
        jobs = Collections.unmodifiableMap(new TreeMap<>(jobs));
        memories = Collections.unmodifiableMap(new TreeMap<>(memories));
    }

    public Optional<Job> job(ResourceKey key) {
        return Optional.ofNullable(jobs.get(key));
    }

    /**
     * The memory of {@code job}. A job not remembered yet starts from {@link JobMemory#afterDaemonStart()} on the
     * daemon's first pass (its past is unknown) and from {@link JobMemory#startingAt} later (it was just added).
     */
    public JobMemory memoryOf(Job job, boolean firstPass, Instant now) {
        JobMemory memory = memories.get(job.key());
        if (memory != null) {
            return memory;
        }
        return firstPass ? JobMemory.afterDaemonStart() : JobMemory.startingAt(now);
    }

    public JobMemories with(Job job, JobMemory memory) {
        Map<ResourceKey, Job> nextJobs = new TreeMap<>(jobs);
        Map<ResourceKey, JobMemory> nextMemories = new TreeMap<>(memories);
        nextJobs.put(job.key(), job);
        nextMemories.put(job.key(), memory);
        return new JobMemories(nextJobs, nextMemories);
    }
}
