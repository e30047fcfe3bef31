package io.fargatereconciler.aws;

import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * Builds the one {@link EcsClient}. Region, credentials and endpoint come from the SDK's standard chains
 * ({@code AWS_REGION}, {@code AWS_ENDPOINT_URL} / {@code AWS_ENDPOINT_URL_ECS}, profiles, the container's role...),
 * which the SDK reads itself; {@code override} is only for the embedded simulator.
 */
public final class EcsClients {
    private EcsClients() {
    }

    public static EcsClient create(EcsConfig config, Optional<EcsEndpointOverride> override) {
        Duration timeout = config.callTimeout();
        var builder = EcsClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(timeout)
                        .socketTimeout(timeout))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        // Standard mode, chosen explicitly (the SDK default is legacy), limited to one attempt:
                        // retries happen in EcsCallGuard only, so SDK and SmallRye retries never multiply.
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(1).build())
                        .build());
        override.ifPresent(o -> o.applyTo(builder));
        try {
            return builder.build();
        } catch (SdkClientException noRegion) {
            throw new IllegalStateException("cannot build the ECS client: " + noRegion.getMessage()
                    + ". Set AWS_REGION (or AWS_PROFILE with a region) for the daemon; for a local try without AWS, "
                    + "run with -Dreconciler.simulator.enabled=true (the embedded simulator)", noRegion);
        }
    }
}
