package io.fargatereconciler.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ecs.model.EcsException;

class EcsErrorsTest {

    @Test
    void throttlingIsItsOwnResultAndNeverRetried() {
        EcsException error = ecsError(400, "ThrottlingException", "Rate exceeded");

        assertThat(EcsErrors.<Object>toResult("RunTask", error)).isEqualTo(new EcsResult.Throttled<>("RunTask", "Rate exceeded"));
        assertThat(EcsErrors.isTransient(error)).isFalse();
    }

    @Test
    void serverErrorsAreUnavailableAndRetried() {
        EcsException error = ecsError(500, "ServerException", "Service unavailable");

        assertThat(EcsErrors.<Object>toResult("ListTasks", error)).isInstanceOf(EcsResult.Unavailable.class);
        assertThat(EcsErrors.isTransient(error)).isTrue();
    }

    @Test
    void networkErrorsAreUnavailableAndRetried() {
        SdkClientException error = SdkClientException.create("Connection refused");

        assertThat(EcsErrors.<Object>toResult("ListTasks", error)).isInstanceOf(EcsResult.Unavailable.class);
        assertThat(EcsErrors.isTransient(error)).isTrue();
    }

    @Test
    void clientErrorsAreRejectionsWithTheirCodeAndNotRetried() {
        EcsException error = ecsError(400, "ClusterNotFoundException", "Cluster not found.");

        assertThat(EcsErrors.<Object>toResult("ListTasks", error))
                .isEqualTo(new EcsResult.Rejected<>("ListTasks", "ClusterNotFoundException", "Cluster not found."));
        assertThat(EcsErrors.isTransient(error)).isFalse();
    }

    @Test
    void anOpenCircuitIsUnavailableAndNotRetried() {
        CircuitBreakerOpenException open = new CircuitBreakerOpenException("open");

        assertThat(EcsErrors.<Object>toResult("DescribeTasks", open)).isInstanceOf(EcsResult.Unavailable.class);
        assertThat(EcsErrors.isTransient(open)).isFalse();
    }

    private static EcsException ecsError(int status, String code, String message) {
        return (EcsException) EcsException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
                .message(message).build();
    }
}
