package io.fargatereconciler.plan.job;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The identity of one run of a Job: the job's name and either the scheduled time it runs for (a scheduled Job) or
 * the spec hash it runs (a Job without schedule: one run per spec). It is carried in the task's
 * {@code fargate-reconciler/job-run} tag ({@link #tagValue()}) and in every attempt's RunTask {@code clientToken},
 * so a restarted daemon recognises a run it started before and ECS returns, rather than starts again, an attempt
 * that already landed.
 */
public record JobRunId(String job, Instant scheduledTime, String specHash) implements Comparable<JobRunId> {
    private static final String SPEC_PREFIX = "spec-";

    public JobRunId {
        if (job == null || job.isBlank()) {
            throw new IllegalArgumentException("job must not be blank");
        }
        if ((scheduledTime == null) == (specHash == null)) {
            throw new IllegalArgumentException("a run is identified by a scheduled time or a spec hash, exactly one");
        }
        if (scheduledTime != null && !scheduledTime.truncatedTo(ChronoUnit.SECONDS).equals(scheduledTime)) {
            throw new IllegalArgumentException("scheduled times are whole seconds, was " + scheduledTime);
        }
        if (specHash != null && (specHash.isBlank() || !specHash.chars().allMatch(Character::isLetterOrDigit))) {
            throw new IllegalArgumentException("spec hash must be letters and digits, was '" + specHash + "'");
        }
    }

    public static JobRunId scheduled(String job, Instant scheduledTime) {
        return new JobRunId(job, scheduledTime, null);
    }

    public static JobRunId forSpec(String job, String specHash) {
        return new JobRunId(job, null, specHash);
    }

    /** Reads a {@code fargate-reconciler/job-run} tag value written by {@link #tagValue()}; empty if it is not one. */
    public static Optional<JobRunId> fromTag(String job, String tagValue) {
        if (tagValue == null) {
            return Optional.empty();
        }
        try {
            if (tagValue.startsWith(SPEC_PREFIX)) {
                return Optional.of(forSpec(job, tagValue.substring(SPEC_PREFIX.length())));
            }
            return Optional.of(scheduled(job, Instant.parse(tagValue)));
        } catch (DateTimeParseException | IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    /** {@code 2024-03-10T07:00:00Z} for a scheduled run, {@code spec-1a2b3c4d5e6f} otherwise (valid ECS tag value). */
    public String tagValue() {
        return scheduledTime != null ? scheduledTime.toString() : SPEC_PREFIX + specHash;
    }

    /**
     * The RunTask clientToken of attempt {@code attempt} (1-based): a digest of (job, run, attempt), 36 characters.
     * The same attempt always gets the same token, so re-sending it never starts a second task.
     */
    public String clientToken(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt is 1-based, was " + attempt);
        }
        String identity = "job\n" + job + "\n" + tagValue() + "\n" + attempt;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return "job-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    @Override
    public int compareTo(JobRunId other) {
        int byJob = job.compareTo(other.job);
        if (byJob != 0) {
            return byJob;
        }
        return tagValue().compareTo(other.tagValue());
    }

    @Override
    public String toString() {
        return job + "@" + tagValue();
    }
}
