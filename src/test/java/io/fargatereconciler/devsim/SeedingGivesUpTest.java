package io.fargatereconciler.devsim;

import static io.restassured.RestAssured.get;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * When the simulator keeps refusing the seeding's calls, the daemon starts anyway, keeps the desired state in
 * force, and readiness {@code desired-state} says what the simulator lacks and why.
 */
@QuarkusTest
@TestProfile(ThrottledSimulatorProfile.class)
class SeedingGivesUpTest {

    @Test
    void startsAnywayAndNamesWhatTheSimulatorLacks() {
        get("/api/v1/desired-state").then().statusCode(200)
                .body("inForce.taskGroups", equalTo(2))
                .body("applyFailures", hasSize(1));

        get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'desired-state' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'desired-state' }.data.reason", allOf(
                        containsString("could not be applied in full: the embedded simulator lacks"),
                        containsString("my-cluster"),
                        containsString("task definition my-app:120"),
                        containsString("task definition my-worker:3 (the family has no revision: refused 9 times in a row"),
                        containsString("ThrottlingException: Rate exceeded")));
        get("/q/health/live").then().statusCode(200);
    }
}
