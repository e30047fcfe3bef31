package io.fargatereconciler.cli;

import io.fargatereconciler.aws.AwsEndpoint;
import java.net.URI;
import java.net.URISyntaxException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --endpoint-url} and {@code --region} of the commands that call AWS ({@code plan}, {@code validate --against-aws}). */
final class AwsEndpointOptions {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;
    private URI endpoint;
    private String region;

    @Option(names = "--endpoint-url", order = 5, paramLabel = "URL",
            description = "the endpoint of every AWS service called: a VPC endpoint, or the simulator"
                    + " (default: the SDK's settings, e.g. AWS_ENDPOINT_URL_ECS)")
    void endpoint(String url) {
        try {
            endpoint = new URI(url);
        } catch (URISyntaxException e) {
            endpoint = null;
        }
        if (endpoint == null || endpoint.getScheme() == null || endpoint.getHost() == null) {
            throw new ParameterException(command.commandLine(), "--endpoint-url must be a URL such as"
                    + " https://ecs.eu-west-1.amazonaws.com or http://localhost:4566, not " + url);
        }
    }

    @Option(names = "--region", order = 6, paramLabel = "REGION",
            description = "the region (default: the SDK's region chain: AWS_REGION, the profile...)")
    void region(String name) {
        region = UsageErrors.nonBlank(command.commandLine(), "--region", name);
    }

    /** Whether either option was given. */
    boolean given() {
        return endpoint != null || region != null;
    }

    AwsEndpoint endpoint() {
        return new AwsEndpoint(region, endpoint);
    }
}
