package io.fargatereconciler.aws;

import io.fargatereconciler.plan.Launch;
import java.net.URI;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;

/** Launches exactly as the daemon's gateway builds RunTask (startedBy, ownership tags, clientToken), for tests that need our tasks to exist. */
public final class OwnedLaunches {
    private OwnedLaunches() {
    }

    /** Runs every launch against the ECS endpoint {@code endpoint} (a simulator); returns the tasks started. */
    public static int run(URI endpoint, List<Launch> launches, String ownerId) {
        try (EcsClient ecs = EcsClient.builder().endpointOverride(endpoint).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build()) {
            return launches.stream().mapToInt(launch -> ecs.runTask(RunTaskRequests.of(launch, ownerId)).tasks().size()).sum();
        }
    }
}
