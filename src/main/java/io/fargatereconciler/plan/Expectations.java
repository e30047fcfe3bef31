package io.fargatereconciler.plan;

import io.fargatereconciler.observe.ObservedTask;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a group did that ECS may not show yet (the Kubernetes ReplicaSet controller's "expectations"). A launched
 * copy counts as live until an observation lists it (live or stopped) or until an observation taken
 * {@code timeout} after the launch still does not; a copy we asked to stop counts as gone until an observation
 * taken after the stop shows it not live, or the same timeout passes. Expiry is judged by the observation's
 * time, not the wall clock, so a loop that cannot observe (ECS unreachable) keeps its expectations and with them
 * its caution.
 *
 * @param launches    launched copies not yet listed, by task ARN
 * @param unconfirmed launches whose tasks are unknown (a server error, or a clientToken conflict): they may have
 *                    started, so they count as live until they expire
 * @param stops       copies we asked to stop, by task ARN, with the time of the request
 */
public record Expectations(Map<String, ExpectedLaunch> launches, List<UnconfirmedLaunch> unconfirmed,
                           Map<String, Instant> stops) {
    public static final Expectations NONE = new Expectations(Map.of(), List.of(), Map.of());

    /** One launched copy of {@code specHash}, launched at {@code at}. */
    public record ExpectedLaunch(String specHash, Instant at) {
        public ExpectedLaunch {
            Objects.requireNonNull(specHash, "specHash");
            Objects.requireNonNull(at, "at");
        }
    }

    /** {@code count} copies of {@code specHash} that may have been launched at {@code at}. */
    public record UnconfirmedLaunch(String specHash, int count, Instant at) {
        public UnconfirmedLaunch {
            Objects.requireNonNull(specHash, "specHash");
            Objects.requireNonNull(at, "at");
            if (count < 1) {
                throw new IllegalArgumentException("count must be positive");
            }
        }
    }

    public Expectations {
        launches = Collections.unmodifiableMap(new TreeMap<>(launches));
        unconfirmed = List.copyOf(unconfirmed);
        stops = Collections.unmodifiableMap(new TreeMap<>(stops));
    }

    Expectations afterLaunch(List<String> taskArns, String specHash, Instant now) {
        Map<String, ExpectedLaunch> next = new TreeMap<>(launches);
        taskArns.forEach(arn -> next.putIfAbsent(arn, new ExpectedLaunch(specHash, now)));
        return new Expectations(next, unconfirmed, stops);
    }

    Expectations afterUnconfirmedLaunch(int count, String specHash, Instant now) {
        List<UnconfirmedLaunch> next = new ArrayList<>(unconfirmed);
        next.add(new UnconfirmedLaunch(specHash, count, now));
        return new Expectations(launches, next, stops);
    }

    Expectations afterStop(String taskArn, Instant now) {
        Map<String, Instant> next = new TreeMap<>(stops);
        next.putIfAbsent(taskArn, now);
        return new Expectations(launches, unconfirmed, next);
    }

    /**
     * What is still expected after an observation taken at {@code observedAt} that listed the group's tasks
     * {@code listed} (any status).
     */
    Expectations afterObservation(List<ObservedTask> listed, Instant observedAt, Duration timeout) {
        if (launches.isEmpty() && unconfirmed.isEmpty() && stops.isEmpty()) {
            return this; // nothing expected, nothing to settle
        }
        Set<String> listedArns = new HashSet<>();
        Set<String> liveArns = new HashSet<>();
        for (ObservedTask task : listed) {
            listedArns.add(task.taskArn());
            if (task.isLive()) {
                liveArns.add(task.taskArn());
            }
        }
        Map<String, ExpectedLaunch> openLaunches = new TreeMap<>(launches);
        openLaunches.entrySet().removeIf(e -> listedArns.contains(e.getKey())
                || expired(e.getValue().at(), observedAt, timeout));
        List<UnconfirmedLaunch> openUnconfirmed = unconfirmed.stream()
                .filter(u -> !expired(u.at(), observedAt, timeout)).toList();
        Map<String, Instant> openStops = new TreeMap<>(stops);
        openStops.entrySet().removeIf(e -> expired(e.getValue(), observedAt, timeout)
                || (!observedAt.isBefore(e.getValue()) && !liveArns.contains(e.getKey())));
        return new Expectations(openLaunches, openUnconfirmed, openStops);
    }

    private static boolean expired(Instant at, Instant observedAt, Duration timeout) {
        return !observedAt.isBefore(at.plus(timeout));
    }

    /** Copies of {@code specHash} launched but not listed yet. */
    int launchesInFlight(String specHash) {
        return (int) launches.values().stream().filter(l -> l.specHash().equals(specHash)).count()
                + unconfirmed.stream().filter(u -> u.specHash().equals(specHash)).mapToInt(UnconfirmedLaunch::count).sum();
    }

    /** Copies of any spec launched but not listed yet. */
    public int launchesInFlight() {
        return launches.size() + unconfirmed.stream().mapToInt(UnconfirmedLaunch::count).sum();
    }

    boolean isStopping(String taskArn) {
        return stops.containsKey(taskArn);
    }

    /** When the oldest expectation expires (an observation after then settles it); null when none is open. */
    Instant nextExpiry(Duration timeout) {
        return Stream.of(launches.values().stream().map(ExpectedLaunch::at),
                        unconfirmed.stream().map(UnconfirmedLaunch::at), stops.values().stream())
                .flatMap(s -> s)
                .min(Instant::compareTo)
                .map(at -> at.plus(timeout))
                .orElse(null);
    }
}
