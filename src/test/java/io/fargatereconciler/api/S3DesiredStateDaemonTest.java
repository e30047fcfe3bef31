package io.fargatereconciler.api;

import static io.fargatereconciler.desired.DesiredStateFixture.GROUP;
import static io.restassured.RestAssured.get;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.fargatereconciler.testing.S3rver;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The running daemon with {@code reconciler.desired-state.path=s3://desired/prod/}: status and readiness show an S3
 * source exactly as they show a folder: the state in force, a broken object's errors by key, line and field, and an
 * unreachable S3 as an error while the last good state stays in force and the replica stays ready.
 */
@QuarkusTest
@TestProfile(S3DesiredStateProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class S3DesiredStateDaemonTest {
    private static final Duration PICKED_UP_WITHIN = Duration.ofSeconds(15);
    private static final String LOCATION = "s3://" + S3DesiredStateProfile.BUCKET + "/" + S3DesiredStateProfile.PREFIX;

    S3rver s3rver;

    @Test
    @Order(1)
    void becomesReadyOnceAGoodObjectIsInTheBucket() {
        get("/api/v1/desired-state").then().statusCode(200).body("path", equalTo(LOCATION));
        s3rver.put(S3DesiredStateProfile.BUCKET, S3DesiredStateProfile.PREFIX + "team/api.yaml", GROUP);

        await().atMost(PICKED_UP_WITHIN).untilAsserted(() -> get("/q/health/ready").then().statusCode(200));
        get("/api/v1/desired-state").then().statusCode(200)
                .body("inForce.keys", contains("TaskGroup/api"))
                .body("errors", empty());
    }

    @Test
    @Order(2)
    void showsABrokenObjectsErrorsAndStaysReadyOnTheLastGoodState() {
        s3rver.put(S3DesiredStateProfile.BUCKET, S3DesiredStateProfile.PREFIX + "team/api.yaml",
                GROUP.replace("replicas: 2", "replicas: -1"));

        await().atMost(PICKED_UP_WITHIN).untilAsserted(() -> get("/api/v1/desired-state").then()
                .body("errors[0].file", equalTo(LOCATION + "team/api.yaml"))
                .body("errors[0].line", equalTo(6))
                .body("errors[0].field", equalTo("spec.replicas")));
        get("/api/v1/desired-state").then().body("inForce.keys", contains("TaskGroup/api"));
        get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'desired-state' }.data.'error.1'",
                        startsWith(LOCATION + "team/api.yaml:6:13 spec.replicas: "));
    }

    @Test
    @Order(3)
    void keepsTheLastGoodStateAndShowsTheOutageWhenS3IsUnreachable() {
        s3rver.close();

        await().atMost(PICKED_UP_WITHIN).untilAsserted(() -> get("/api/v1/desired-state").then()
                .body("errors[0].file", equalTo(LOCATION))
                .body("errors[0].message", containsString("cannot be listed (S3 could not be reached")));
        get("/api/v1/desired-state").then().body("inForce.keys", contains("TaskGroup/api"));
        get("/q/health/ready").then().statusCode(200);
    }
}
