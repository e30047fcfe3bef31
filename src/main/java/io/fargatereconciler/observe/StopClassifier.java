package io.fargatereconciler.observe;

import java.util.List;
import java.util.Locale;

/**
 * Says why a task stopped, from what DescribeTasks reports: {@code stopCode} (TaskFailedToStart,
 * EssentialContainerExited, UserInitiated, ServiceSchedulerInitiated, SpotInterruption, TerminationNotice),
 * {@code stoppedReason} (for Fargate prefixed by the error type, e.g. "ResourceInitializationError: ...") and the
 * containers' reasons (e.g. "CannotPullContainerError: ..."). The strings are those of the ECS "Stopped tasks
 * error codes" and "API failure reasons" pages. A stop this reconciler asked for is recognised by
 * {@link #OWN_STOP_PREFIX} on the reason it passes to StopTask; a stop of a task stalled in PROVISIONING by
 * {@link #STALL_STOP_REASON} after it, and it is the subnet's failure, not a person's stop.
 */
public final class StopClassifier {
    /** Every StopTask reason this reconciler sends starts with this, so its own stops are told apart. */
    public static final String OWN_STOP_PREFIX = "fargate-reconciler: ";
    /** The reason we give StopTask for a task stalled in PROVISIONING starts with this (after our own prefix). */
    public static final String STALL_STOP_REASON = "stalled in PROVISIONING";

    private StopClassifier() {
    }

    /** The cause of a STOPPED (or stopping) task; never null. */
    public static StopCause classify(String stopCode, String stoppedReason, List<ContainerExit> containers) {
        String reason = stoppedReason == null ? "" : stoppedReason;
        String lower = reason.toLowerCase(Locale.ROOT);
        if (reason.startsWith(OWN_STOP_PREFIX + STALL_STOP_REASON)) {
            return StopCause.ENI_PROVISIONING_STALLED;
        }
        if (reason.startsWith(OWN_STOP_PREFIX)) {
            return StopCause.STOPPED_BY_RECONCILER;
        }
        if (isEniProvisioningTimeout(lower)) {
            return StopCause.ENI_PROVISIONING_TIMEOUT;
        }
        if (isIpExhaustion(lower)) {
            return StopCause.SUBNET_IP_EXHAUSTED;
        }
        if (lower.contains("cannotpullcontainer") || anyContainerReasonContains(containers, "cannotpullcontainer")) {
            return StopCause.IMAGE_PULL;
        }
        if (lower.contains("resourceinitializationerror")) {
            return StopCause.RESOURCE_INITIALIZATION;
        }
        if (isCapacityShortage(lower)) {
            return StopCause.CAPACITY_UNAVAILABLE;
        }
        return classifyByStopCode(stopCode == null ? "" : stopCode);
    }

    /** The cause behind a RunTask {@code failures[]} reason, or null when the text names none we know. */
    public static StopCause classifyLaunchFailure(String reason) {
        String lower = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        if (isEniProvisioningTimeout(lower)) {
            return StopCause.ENI_PROVISIONING_TIMEOUT;
        }
        if (isIpExhaustion(lower)) {
            return StopCause.SUBNET_IP_EXHAUSTED;
        }
        if (lower.contains("resourceinitializationerror")) {
            return StopCause.RESOURCE_INITIALIZATION;
        }
        return isCapacityShortage(lower) ? StopCause.CAPACITY_UNAVAILABLE : null;
    }

    private static StopCause classifyByStopCode(String stopCode) {
        return switch (stopCode) {
            case "EssentialContainerExited" -> StopCause.ESSENTIAL_CONTAINER_EXITED;
            case "UserInitiated", "ServiceSchedulerInitiated" -> StopCause.STOPPED_BY_USER;
            case "SpotInterruption", "TerminationNotice" -> StopCause.PLATFORM_TERMINATION;
            // A start failure we cannot name more precisely (CannotStartContainerError, a timeout of the
            // container runtime...): still the platform's failure to start the task, so it feeds backoff.
            case "TaskFailedToStart" -> StopCause.RESOURCE_INITIALIZATION;
            default -> StopCause.OTHER;
        };
    }

    private static boolean isEniProvisioningTimeout(String lower) {
        return lower.contains("timeout waiting for network interface provisioning")
                || lower.contains("network interface provision complete error");
    }

    private static boolean isIpExhaustion(String lower) {
        return lower.contains("insufficientfreeaddressesinsubnet")
                || lower.contains("enough free addresses")
                || lower.contains("no free ip")
                || lower.contains("no available ip");
    }

    private static boolean isCapacityShortage(String lower) {
        return lower.contains("capacity is unavailable") || lower.contains("insufficient capacity");
    }

    private static boolean anyContainerReasonContains(List<ContainerExit> containers, String needle) {
        return containers != null && containers.stream()
                .anyMatch(c -> c.reason() != null && c.reason().toLowerCase(Locale.ROOT).contains(needle));
    }
}
