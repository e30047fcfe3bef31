package io.fargatereconciler.aws;

import io.fargatereconciler.desired.DesiredStateConfig;
import java.time.Duration;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Builds the {@link S3Client} the S3 desired-state source reads with. Credentials come from the SDK's default chain
 * (the task role on ECS); region and endpoint from {@code reconciler.desired-state.s3.*}, else the SDK's chains.
 * Retries are the SDK's standard mode only: nothing else retries these calls, and a failed poll is retried at the
 * next one anyway.
 */
public final class S3Clients {
    private S3Clients() {
    }

    public static S3Client create(DesiredStateConfig.S3 config) {
        Duration timeout = config.callTimeout();
        var builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(timeout)
                        .socketTimeout(timeout))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(RetryMode.STANDARD)
                        .apiCallAttemptTimeout(timeout)
                        .build())
                .forcePathStyle(config.pathStyleAccess());
        config.region().ifPresent(region -> builder.region(Region.of(region)));
        config.endpointOverride().ifPresent(builder::endpointOverride);
        try {
            return builder.build();
        } catch (SdkClientException noRegion) {
            throw new IllegalStateException("cannot build the S3 client for the desired state: "
                    + noRegion.getMessage() + ". Set reconciler.desired-state.s3.region (or AWS_REGION)", noRegion);
        }
    }
}
