package io.fargatereconciler.plan.subnet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How long recent healthy starts took to leave PROVISIONING (from {@code createdAt} to the network interface being
 * ready, {@code connectivityAt}), newest {@code window} by creation time. Immutable.
 *
 * <p>A quantile of these alone would be biased low while many tasks are still starting: the fast ones finish first,
 * the slow ones are not samples yet. {@link #quantile} therefore also takes the ages of the tasks still in
 * PROVISIONING as censored observations ("took at least this long") and estimates with Kaplan-Meier over one cohort:
 * the tasks created since the oldest remembered sample, finished or not. While the cohort cannot tell the quantile
 * yet (too few of its tasks have been watched that long), the answer is empty.
 *
 * @param samples newest last by creation time
 */
public record ProvisioningTimes(List<Sample> samples) {
    public static final ProvisioningTimes NONE = new ProvisioningTimes(List.of());

    private static final Comparator<Sample> BY_CREATION = Comparator.comparing(Sample::createdAt)
            .thenComparing(Sample::took);

    /** One start: created at {@code createdAt}, left PROVISIONING {@code took} later. */
    public record Sample(Instant createdAt, Duration took) {
    }

    /** A task still in PROVISIONING: created at {@code createdAt}, {@code age} old when observed. */
    public record Pending(Instant createdAt, Duration age) {
    }

    public ProvisioningTimes {
        samples = List.copyOf(samples);
    }

    /** With {@code more} samples, keeping the newest {@code window} by creation time. */
    ProvisioningTimes with(List<Sample> more, int window) {
        if (more.isEmpty()) {
            return this;
        }
        List<Sample> all = new ArrayList<>(samples.size() + more.size());
        all.addAll(samples);
        all.addAll(more);
        all.sort(BY_CREATION);
        return new ProvisioningTimes(all.subList(Math.max(0, all.size() - window), all.size()));
    }

    public int size() {
        return samples.size();
    }

    /** Created no earlier than this is the cohort the samples speak for; null while nothing is known. */
    Instant cohortStart() {
        return samples.isEmpty() ? null : samples.get(0).createdAt();
    }

    /**
     * The {@code q} quantile of provisioning times (Kaplan-Meier, with {@code pending} tasks as censored at their
     * age; only those of the cohort count); empty when fewer than {@code minSamples} starts are known or the cohort
     * has not been watched long enough to tell.
     */
    Optional<Duration> quantile(double q, List<Pending> pending, int minSamples) {
        if (samples.size() < minSamples) {
            return Optional.empty();
        }
        Instant cohort = cohortStart();
        long[] done = samples.stream().mapToLong(s -> s.took().toMillis()).sorted().toArray();
        long[] censored = pending.stream().filter(p -> !p.createdAt().isBefore(cohort))
                .mapToLong(p -> p.age().toMillis()).sorted().toArray();
        int atRisk = done.length + censored.length;
        double survival = 1;
        int c = 0;
        for (long took : done) {
            while (c < censored.length && censored[c] < took) {
                c++;
                atRisk--; // a task still starting after that long leaves the risk set there
            }
            survival *= 1 - 1.0 / atRisk;
            atRisk--;
            if (survival <= 1 - q + 1e-12) {
                return Optional.of(Duration.ofMillis(took));
            }
        }
        return Optional.empty();
    }
}
