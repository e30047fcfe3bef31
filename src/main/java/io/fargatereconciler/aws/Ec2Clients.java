package io.fargatereconciler.aws;

import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * Builds the one {@link Ec2Client}, from the SDK's standard chains like the ECS client ({@code AWS_ENDPOINT_URL_EC2}
 * and friends); {@code override} is only for the embedded simulator, which answers EC2 on its ECS endpoint. One
 * attempt per call: the callers repeat at their own bounded rate (the next free-IP refresh, the next pass's delete).
 */
public final class Ec2Clients {
    private Ec2Clients() {
    }

    public static Ec2Client create(Duration callTimeout, Optional<EcsEndpointOverride> override) {
        var builder = Ec2Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(callTimeout)
                        .socketTimeout(callTimeout))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(1).build())
                        .build());
        override.ifPresent(o -> o.applyTo(builder));
        try {
            return builder.build();
        } catch (SdkClientException noRegion) {
            throw new IllegalStateException("cannot build the EC2 client (subnet free IPs, test ENI): "
                    + noRegion.getMessage() + ". Set AWS_REGION for the daemon, or reconciler.subnets.steering=false "
                    + "to run without EC2", noRegion);
        }
    }
}
