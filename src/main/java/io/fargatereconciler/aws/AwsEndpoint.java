package io.fargatereconciler.aws;

import java.net.URI;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;

/**
 * Where an SDK client connects. {@code region} null means the SDK's default region chain ({@code AWS_REGION}, profile,
 * instance metadata); {@code endpointOverride} null means AWS's own endpoint. An override points a client at a VPC
 * endpoint or at a compatible test server (ElasticMQ, dynalite).
 */
public record AwsEndpoint(String region, URI endpointOverride) {

    public AwsEndpoint {
        if (region != null && region.isBlank()) {
            throw new IllegalArgumentException("region must not be blank; leave it unset to use the SDK's default chain");
        }
    }

    /** The SDK's default region and AWS's own endpoint. */
    public static AwsEndpoint sdkDefaults() {
        return new AwsEndpoint(null, null);
    }

    /** Applies the region and endpoint override (when set) to a client builder. */
    public <B extends AwsClientBuilder<B, ?>> B applyTo(B builder) {
        if (region != null) {
            builder.region(Region.of(region));
        }
        if (endpointOverride != null) {
            builder.endpointOverride(endpointOverride);
        }
        return builder;
    }
}
