package io.fargatereconciler.api;

import static io.restassured.RestAssured.get;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * An observer of the desired state that throws while the first state takes force (during start-up) does not stop
 * the daemon: the state stays in force, the loop reconciles it, and readiness and the status API name the failure.
 */
@QuarkusTest
@TestProfile(FailingObserverProfile.class)
class FailingObserverDaemonTest {

    @Test
    void startsAndReconcilesWhileReadinessNamesTheFailedObserver() {
        String revision = get("/api/v1/desired-state").then().statusCode(200)
                .body("applyFailures", hasSize(1))
                .body("applyFailures[0]", containsString(FailingChangeObserver.FAILURE))
                .extract().path("inForce.revision");

        get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'desired-state' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'desired-state' }.data.reason", equalTo("revision " + revision
                        + " is in force but could not be applied in full: an observer of the change failed: "
                        + "java.lang.IllegalStateException: " + FailingChangeObserver.FAILURE + " " + revision));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> get("/api/v1/groups/payments-api").then()
                .statusCode(200)
                .body("recentEvents.type", hasItem("Launched")));
    }
}
