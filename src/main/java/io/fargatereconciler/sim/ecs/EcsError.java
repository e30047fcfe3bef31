package io.fargatereconciler.sim.ecs;

/**
 * An error ECS answers with: the {@code __type}, the message and the HTTP status. ECS answers client errors with
 * HTTP 400 (throttling included) and server errors with 500.
 */
public final class EcsError extends RuntimeException {
    private final String type;
    private final int status;

    private EcsError(String type, String message, int status) {
        super(message, null, false, false);
        this.type = type;
        this.status = status;
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

    public static EcsError conflict(String message) {
        return new EcsError("ConflictException", message, 400);
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
}
