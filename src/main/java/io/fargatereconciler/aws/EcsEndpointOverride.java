package io.fargatereconciler.aws;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;

/**
 * Where the AWS clients connect when not the SDK's standard settings decide but something in the process: the
 * embedded simulator in dev mode, which answers ECS, EC2 and SNS on one endpoint. A CDI bean of this type, when one
 * is active, replaces endpoint, region and credentials; in production there is none.
 */
public interface EcsEndpointOverride {
    URI endpoint();

    String region();

    /**
     * Points {@code builder} here: this endpoint and region, and throwaway credentials (the simulator accepts any
     * signature; real credentials are neither needed nor sent anywhere).
     */
    default <B extends AwsClientBuilder<B, ?>> B applyTo(B builder) {
        return builder.endpointOverride(endpoint()).region(Region.of(region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("simulator",
                        "simulator")));
    }
}
