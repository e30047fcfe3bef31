package io.fargatereconciler.plan;

import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.desired.RolloutPolicy;
import io.fargatereconciler.observe.ObservedTask;
import java.util.ArrayList;
import java.util.List;

/**
 * How many copies to launch and which to stop so a group reaches {@code desired} copies of its current spec,
 * rolling outdated copies with {@link RolloutPolicy} (maxSurge / maxUnavailable, defaults 1 / 0):
 * <ul>
 *   <li>live copies (listed, minus stopping, plus in flight) never go above {@code desired}, or
 *       {@code desired + maxSurge} while outdated copies remain; launches fill only that room, counted before any
 *       stop of this pass takes effect (a stop may fail);</li>
 *   <li>a RUNNING copy is stopped only while RUNNING copies of any spec stay at or above
 *       {@code desired - maxUnavailable}, so an old copy goes only once enough new ones are RUNNING;</li>
 *   <li>outdated copies that are not RUNNING yet add no capacity and are stopped right away;</li>
 *   <li>copies above {@code desired} are stopped least ready and newest first.</li>
 * </ul>
 * Pure counting; the caller bounds the number of stops per pass and applies backoff and budgets to launches.
 */
final class RollingUpdate {
    private RollingUpdate() {
    }

    /** What one pass should do: launch {@code launch} copies, stop {@code stops} in order. */
    record Step(int launch, List<Stop> stops) {
        Step {
            stops = List.copyOf(stops);
        }
    }

    static Step next(ResourceKey group, int desired, RolloutPolicy policy, GroupCopies copies, String specHash) {
        int maxLive = copies.outdatedLive() > 0 ? desired + policy.maxSurge() : desired;
        int launch = Math.max(0, Math.min(desired - copies.currentLive(), maxLive - copies.live()));

        List<ObservedTask> candidates = new ArrayList<>(copies.outdated());
        int extra = Math.min(copies.current().size(), copies.currentLive() - desired);
        if (extra > 0) {
            copies.current().stream().sorted(GroupCopies.STOP_ORDER).limit(extra).forEach(candidates::add);
        }
        int floor = Math.max(0, desired - policy.maxUnavailable());
        int running = copies.running();
        List<Stop> stops = new ArrayList<>();
        for (ObservedTask task : candidates) {
            if (task.isRunning()) {
                if (running - 1 < floor) {
                    continue;
                }
                running--;
            }
            stops.add(new Stop(group, task.cluster(), task.taskArn(), reason(task, specHash, copies, desired)));
        }
        return new Step(launch, stops);
    }

    private static String reason(ObservedTask task, String specHash, GroupCopies copies, int desired) {
        if (!specHash.equals(task.specHash())) {
            return "rolling update: spec " + task.specHash() + " replaced by " + specHash
                    + (task.isRunning() ? "" : " (copy not running yet)");
        }
        return "scale down: " + copies.currentLive() + " copies live, " + desired + " desired";
    }
}
