package io.fargatereconciler.aws;

import java.util.Set;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/** Sorts what an ECS call threw into the {@link EcsResult} kinds, and says which failures are worth a retry. */
final class EcsErrors {
    private static final Set<String> THROTTLING_CODES =
            Set.of("ThrottlingException", "Throttling", "RequestLimitExceeded", "TooManyRequestsException");

    private EcsErrors() {
    }

    /** 5xx, network trouble and timeouts: the same call may well succeed a moment later. Never throttling. */
    static boolean isTransient(Throwable error) {
        if (error instanceof SdkServiceException service) {
            return service.statusCode() >= 500 && !isThrottling(service);
        }
        return error instanceof SdkClientException || error instanceof TimeoutException;
    }

    static <T> EcsResult<T> toResult(String operation, RuntimeException error) {
        if (error instanceof SdkServiceException service) {
            if (isThrottling(service)) {
                return new EcsResult.Throttled<>(operation, messageOf(service));
            }
            if (service.statusCode() >= 500) {
                return new EcsResult.Unavailable<>(operation, "HTTP " + service.statusCode() + " " + messageOf(service));
            }
            return new EcsResult.Rejected<>(operation, errorCodeOf(service), messageOf(service));
        }
        if (error instanceof SdkClientException client) {
            return new EcsResult.Unavailable<>(operation, "cannot reach ECS: " + client.getMessage());
        }
        if (error instanceof TimeoutException) {
            return new EcsResult.Unavailable<>(operation, "no answer from ECS within the call timeout");
        }
        if (error instanceof CircuitBreakerOpenException) {
            return new EcsResult.Unavailable<>(operation,
                    "circuit breaker open after repeated ECS failures; calls resume after reconciler.ecs.circuit-breaker.delay");
        }
        throw error;
    }

    private static boolean isThrottling(SdkServiceException service) {
        return service.isThrottlingException() || THROTTLING_CODES.contains(errorCodeOf(service));
    }

    private static String errorCodeOf(SdkServiceException service) {
        if (service instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                && aws.awsErrorDetails().errorCode() != null) {
            return aws.awsErrorDetails().errorCode();
        }
        return "HTTP" + service.statusCode();
    }

    private static String messageOf(SdkServiceException service) {
        if (service instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                && aws.awsErrorDetails().errorMessage() != null) {
            return aws.awsErrorDetails().errorMessage();
        }
        return String.valueOf(service.getMessage());
    }
}
