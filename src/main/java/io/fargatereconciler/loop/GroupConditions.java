package io.fargatereconciler.loop;

import io.fargatereconciler.observe.StopCause;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Derives a group's Available / Progressing / Degraded conditions and keeps each one's last transition time.
 * Degraded holds from a failed start or launch until a copy reaches RUNNING after it.
 */
final class GroupConditions {
    private final Map<String, Condition> last = new HashMap<>();
    private String failureReason;
    private String failureMessage;
    private Instant failedAt;

    /** The condition reason for a start failure, as the status API and alerts show it. */
    static String reasonFor(StopCause cause) {
        return switch (cause) {
            case ENI_PROVISIONING_TIMEOUT -> "EniProvisioningFailed";
            case SUBNET_IP_EXHAUSTED -> "SubnetIpExhausted";
            case IMAGE_PULL -> "ImagePullFailed";
            case CAPACITY_UNAVAILABLE -> "CapacityUnavailable";
            case RESOURCE_INITIALIZATION -> "ResourceInitializationFailed";
            default -> "TaskFailedToStart";
        };
    }

    void failed(String reason, String message, Instant at) {
        if (failedAt == null || !at.isBefore(failedAt)) {
            failureReason = reason;
            failureMessage = message;
            failedAt = at;
        }
    }

    void runningSince(Instant startedAt) {
        if (failedAt != null && startedAt != null && startedAt.isAfter(failedAt)) {
            failedAt = null;
            failureReason = null;
            failureMessage = null;
        }
    }

    List<Condition> evaluate(int desired, int running, int pending, int outdated, Instant now) {
        boolean available = running >= desired;
        boolean progressing = running != desired || pending > 0 || outdated > 0;
        boolean degraded = failedAt != null;
        return List.of(
                transition("Available", available,
                        available ? "MinimumCopiesAvailable" : "MinimumCopiesUnavailable",
                        running + " of " + desired + " copies running", now),
                transition("Progressing", progressing,
                        outdated > 0 ? "RollingOut" : progressing ? "Converging" : "Steady",
                        progressing ? running + " running, " + pending + " starting, " + outdated + " of an older spec"
                                : "all copies running the current spec", now),
                transition("Degraded", degraded, degraded ? failureReason : "NoRecentFailures",
                        degraded ? "last failure at " + failedAt + ": " + failureMessage
                                + "; the reconciler keeps relaunching with backoff" : "no failed start since the last running copy",
                        now));
    }

    private Condition transition(String type, boolean status, String reason, String message, Instant now) {
        Condition previous = last.get(type);
        Instant since = previous != null && previous.status() == status ? previous.lastTransitionTime() : now;
        Condition condition = new Condition(type, status, reason, message, since);
        last.put(type, condition);
        return condition;
    }
}
