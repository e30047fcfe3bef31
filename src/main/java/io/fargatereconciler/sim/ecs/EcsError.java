package io.fargatereconciler.sim.ecs;

import java.util.List;

/**
 * An error ECS answers with: the {@code __type}, the message, the HTTP status and, for a ConflictException, the
 * {@code resourceIds}. ECS answers client errors with
 * HTTP 400 (throttling included) and server errors with 500.
 */
public final class EcsError extends RuntimeException {
    private final String type;
    private final int status;
    private final List<String> resourceIds;

    private EcsError(String type, String message, int status) {
        this(type, message, status, List.of());
    }

    private EcsError(String type, String message, int status, List<String> resourceIds) {
        super(message, null, false, false);
        this.type = type;
        this.status = status;
        this.resourceIds = List.copyOf(resourceIds);
    }

    public static EcsError invalidParameter(String message) {
        return new EcsError("InvalidParameterException", message, 400);
    }

    public static EcsError client(String message) {
        return new EcsError("ClientException", message, 400);
    }

    public static EcsError clusterNotFound() {
        return new EcsError("ClusterNotFoundException", "Cluster not found.", 400);
    }

    /**
     * RunTask's answer to a clientToken re-sent with other parameters: as ECS does, it names the tasks the token
     * already launched in {@code resourceIds}.
     */
    public static EcsError conflict(String message, List<String> resourceIds) {
        return new EcsError("ConflictException", message, 400, resourceIds);
    }

    public static EcsError throttling() {
        return new EcsError("ThrottlingException", "Rate exceeded", 400);
    }

    public static EcsError server() {
        return new EcsError("ServerException", "Service Unavailable. Please try again later.", 500);
    }

    public static EcsError unknownOperation(String target) {
        return new EcsError("UnknownOperationException", "Unknown operation " + target, 400);
    }

    public static EcsError serialization(String message) {
        return new EcsError("SerializationException", message, 400);
    }

    public String type() {
        return type;
    }

    public int status() {
        return status;
    }

    /** The resources the error is about (ConflictException: the task ARNs of the earlier call); empty for others. */
    public List<String> resourceIds() {
        return resourceIds;
    }
}
