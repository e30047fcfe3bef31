package io.fargatereconciler.devsim;

import static io.restassured.RestAssured.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Task;

/**
 * Dev mode on a user's own folder naming {@code my-app:120}: seeding registers 120 revisions on a simulator that
 * throttles at its published limits (a burst of 50), so it must pace itself; the daemon starts and converges.
 */
@QuarkusTest
@TestProfile(OwnFolderProfile.class)
class OwnDesiredStateOnSimulatorTest {
    private static final Duration CONVERGES_WITHIN = Duration.ofSeconds(60);

    @Inject
    EmbeddedSimulator simulator;

    @Inject
    EcsClient ecs;

    @Test
    void seedsRevision120ThroughTheThrottlingAndConverges() {
        await().atMost(CONVERGES_WITHIN).untilAsserted(() -> get("/q/health/ready").then().statusCode(200));
        get("/api/v1/desired-state").then().statusCode(200).body("applyFailures", empty());

        await().atMost(CONVERGES_WITHIN).untilAsserted(() -> {
            get("/api/v1/groups/my-app").then().statusCode(200)
                    .body("running", equalTo(2)).body("upToDate", equalTo(2));
            get("/api/v1/groups/my-worker").then().statusCode(200)
                    .body("running", equalTo(1)).body("upToDate", equalTo(1));
        });

        assertThat(simulator.simulator().admin().apiCalls().throttled("ecs:RegisterTaskDefinition"))
                .as("the seed went over the simulator's burst, so some calls were throttled and retried")
                .isPositive();
        assertThat(runningTaskDefinitions()).containsExactlyInAnyOrder(
                "my-app:120", "my-app:120", "my-worker:3");
    }

    private List<String> runningTaskDefinitions() {
        List<String> arns = ecs.listTasks(r -> r.cluster("my-cluster").desiredStatus("RUNNING")).taskArns();
        return ecs.describeTasks(r -> r.cluster("my-cluster").tasks(arns)).tasks().stream()
                .map(Task::taskDefinitionArn).map(arn -> arn.substring(arn.lastIndexOf('/') + 1)).toList();
    }
}
