package io.fargatereconciler.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Jobs' status API over HTTP, with the application as wired for tests: the example desired state (its
 * {@code nightly-export} Job at 02:30 Europe/Berlin) reconciled by the running loop against the embedded simulator.
 */
@io.quarkus.test.junit.QuarkusTest
class JobsHttpTest {

    @BeforeEach
    void waitForTheFirstPass() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/api/v1/jobs").then()
                .statusCode(200).body("name", hasItem("nightly-export")));
    }

    @Test
    void listsEveryJobWithItsSchedule() {
        given().when().get("/api/v1/jobs").then().statusCode(200)
                .body("find { it.name == 'nightly-export' }.kind", equalTo("Job"))
                .body("find { it.name == 'nightly-export' }.schedule", equalTo("30 2 * * *"))
                .body("find { it.name == 'nightly-export' }.timeZone", equalTo("Europe/Berlin"))
                .body("find { it.name == 'nightly-export' }.nextScheduleTime", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:30:00Z"));
    }

    @Test
    void showsOneJobWithItsPoliciesRunsAndHistory() {
        given().when().get("/api/v1/jobs/nightly-export").then().statusCode(200)
                .body("cluster", containsString("data-batch"))
                .body("suspended", equalTo(false))
                .body("completeWhen", equalTo("Succeeded"))
                .body("concurrencyPolicy", equalTo("Forbid"))
                .body("active", notNullValue())
                .body("history", notNullValue());
    }

    @Test
    void answersNotFoundForAnUnknownJob() {
        given().when().get("/api/v1/jobs/no-such-job").then().statusCode(404);
    }
}
