package io.fargatereconciler.plan.subnet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The health of every subnet seen so far, by id, and what the whole account's recent starts say. Immutable: each
 * {@code after...}/{@code with...} returns the next book. Subnets are shared by every group that names them, so one
 * book serves the whole daemon; the planner keeps it in its memory and learns into it from every observation
 * ({@link SubnetLearning}) and RunTask answer, the loop feeds it EC2's free-IP counts and test-ENI outcomes.
 *
 * @param subnets    per subnet
 * @param account    how long recent starts took across every subnet
 * @param counted    failures already counted against a subnet (stopped tasks, stalls), by task ARN, with when: each
 *                   counts once however many passes see it
 * @param observedAt when each cluster was last observed: starts are sampled once, in the first observation after them
 * @param unlisted   tasks RunTask started into a single subnet that no observation listed yet (they count as
 *                   starting there, so a probe batch is not exceeded while ListTasks lags)
 * @param settings   how it is all scored
 */
public record SubnetHealthBook(Map<String, SubnetHealth> subnets, ProvisioningTimes account,
                               Map<String, Instant> counted, Map<String, Instant> observedAt,
                               Map<String, UnlistedStart> unlisted, SubnetHealthSettings settings) {
    public static final SubnetHealthBook EMPTY = empty(SubnetHealthSettings.DEFAULTS);
    /** Longer than ECS describes STOPPED tasks (at least 1 h), so a stopped task is never counted twice. */
    static final Duration REMEMBER_COUNTED = Duration.ofHours(3);

    /** A task started into {@code subnetId} at {@code at}, not listed yet. */
    public record UnlistedStart(String subnetId, Instant at) {
    }

    public SubnetHealthBook {
        subnets = Collections.unmodifiableMap(new TreeMap<>(subnets));
        Objects.requireNonNull(account, "account");
        counted = Collections.unmodifiableMap(new TreeMap<>(counted));
        observedAt = Collections.unmodifiableMap(new TreeMap<>(observedAt));
        unlisted = Collections.unmodifiableMap(new TreeMap<>(unlisted));
        Objects.requireNonNull(settings, "settings");
    }

    public static SubnetHealthBook empty(SubnetHealthSettings settings) {
        return new SubnetHealthBook(Map.of(), ProvisioningTimes.NONE, Map.of(), Map.of(), Map.of(), settings);
    }

    /** The same knowledge scored with {@code next}. */
    public SubnetHealthBook withSettings(SubnetHealthSettings next) {
        return next.equals(settings) ? this : new SubnetHealthBook(subnets, account, counted, observedAt, unlisted, next);
    }

    public SubnetHealth health(String subnetId) {
        return subnets.getOrDefault(subnetId, SubnetHealth.unknown(subnetId));
    }

    /** A failure of {@code kind} in the subnet at {@code at}, learnt at {@code now}. */
    public SubnetHealthBook afterFailure(String subnetId, SubnetFailureKind kind, String reason, Instant at,
                                         Instant now) {
        return with(health(subnetId).afterFailure(kind, reason, at, now, settings.halfLife()));
    }

    /** A copy left PROVISIONING in the subnet at {@code at} (how long it took unknown). */
    public SubnetHealthBook afterStarted(String subnetId, Instant at) {
        SubnetHealth before = health(subnetId);
        SubnetHealth after = before.afterStarted(at, List.of(), settings.stall().subnetWindow());
        return after.equals(before) ? this : with(after);
    }

    public SubnetHealthBook withFreeIps(String subnetId, int freeIps, String availabilityZone, Instant at) {
        return with(health(subnetId).withFreeIps(freeIps, availabilityZone, at));
    }

    public SubnetHealthBook withTestEni(String subnetId, TestEniOutcome outcome) {
        return with(health(subnetId).withTestEni(outcome));
    }

    /** Tasks RunTask just started into the single subnet {@code subnetId}: they count as starting there. */
    public SubnetHealthBook afterStartedInto(String subnetId, List<String> taskArns, Instant now) {
        if (taskArns.isEmpty()) {
            return this;
        }
        Map<String, UnlistedStart> next = new TreeMap<>(unlisted);
        taskArns.forEach(arn -> next.put(arn, new UnlistedStart(subnetId, now)));
        return new SubnetHealthBook(subnets, account, counted, observedAt, next, settings);
    }

    /** How the subnet stands at {@code now}. */
    public SubnetStanding standing(String subnetId, Instant now) {
        return SubnetStanding.of(health(subnetId), settings, now);
    }

    /**
     * The stall threshold of the subnet: {@code factor} times the {@code quantile} of recent starts across the account
     * (tasks still starting in other subnets counted as censored), or of this subnet's own if they are known and
     * longer (a slower zone); the cap while too few are known. {@code startingHere} and {@code startingElsewhere} are
     * the tasks still in PROVISIONING in this subnet and in the others.
     */
    public StallThreshold stallThreshold(String subnetId, List<ProvisioningTimes.Pending> startingHere,
                                         List<ProvisioningTimes.Pending> startingElsewhere) {
        StallSettings stall = settings.stall();
        Optional<Duration> acrossAccount = account.quantile(stall.quantile(), startingElsewhere, stall.minSamples());
        ProvisioningTimes own = health(subnetId).times();
        Optional<Duration> here = own.quantile(stall.quantile(), startingHere, stall.minSamples());
        List<Duration> known = new ArrayList<>();
        acrossAccount.ifPresent(known::add);
        here.ifPresent(known::add);
        if (known.isEmpty()) {
            return StallThreshold.cap(stall);
        }
        Duration estimate = known.stream().max(Duration::compareTo).orElseThrow();
        int samples = here.isPresent() && here.get().equals(estimate) ? own.size() : account.size();
        return StallThreshold.of(estimate, samples, stall);
    }

    /** The threshold as the status API and metrics show it: no task starting anywhere. */
    public StallThreshold stallThreshold(String subnetId) {
        return stallThreshold(subnetId, List.of(), List.of());
    }

    SubnetHealthBook with(SubnetHealth health) {
        Map<String, SubnetHealth> next = new TreeMap<>(subnets);
        next.put(health.subnetId(), health);
        return new SubnetHealthBook(next, account, counted, observedAt, unlisted, settings);
    }
}
