package io.fargatereconciler.aws;

import java.util.Optional;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Builds the one {@link SnsClient}, from the SDK's standard chains like the ECS client ({@code AWS_ENDPOINT_URL_SNS}
 * and friends); {@code override} is only for the embedded simulator, which answers SNS on its ECS endpoint.
 */
public final class SnsClients {
    private SnsClients() {
    }

    public static SnsClient create(NotificationsConfig config, Optional<EcsEndpointOverride> override) {
        var builder = SnsClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(config.callTimeout())
                        .socketTimeout(config.callTimeout()))
                .overrideConfiguration(ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD).build());
        override.ifPresent(o -> o.applyTo(builder));
        return builder.build();
    }
}
