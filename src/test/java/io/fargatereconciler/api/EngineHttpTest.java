package io.fargatereconciler.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.matchesPattern;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Health, metrics and the status API over HTTP, with the application as wired for tests: the example desired
 * state reconciled by the running loop against the embedded simulator (src/main/resources/simulator/dev.yaml).
 */
@io.quarkus.test.junit.QuarkusTest
class EngineHttpTest {

    @BeforeEach
    void waitForTheFirstObservation() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/q/health/ready").then()
                .statusCode(200));
    }

    @Test
    void isReadyWithTheDesiredStateAndEcsConditionsAndAlive() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'ecs' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'ecs' }.data.unreachableClusters", equalTo(""))
                .body("checks.find { it.name == 'ecs' }.data.circuitBreaker", equalTo("CLOSED"))
                .body("checks.find { it.name == 'desired-state' }.status", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200)
                .body("checks.find { it.name == 'reconcile-loop' }.status", equalTo("UP"));
    }

    @Test
    void listsEveryTaskGroupWithCountsAndConditions() {
        given().when().get("/api/v1/groups").then().statusCode(200)
                .body("name", hasItems("payments-api", "payments-webhook-relay"))
                .body("find { it.name == 'payments-api' }.desired", equalTo(3))
                .body("find { it.name == 'payments-api' }.conditions.type", hasItems("Available", "Progressing", "Degraded"));
    }

    @Test
    void showsOneGroupWithItsLaunchEvents() {
        given().when().get("/api/v1/groups/payments-api").then().statusCode(200)
                .body("kind", equalTo("TaskGroup"))
                .body("cluster", equalTo("payments-prod"))
                .body("desired", equalTo(3))
                .body("launchSubnets.size()", greaterThan(0))
                .body("launchSubnets", everyItem(in(List.of("subnet-0a1b2c3d4e5f60718", "subnet-0b2c3d4e5f6071829",
                        "subnet-0c3d4e5f607182930"))))
                .body("recentEvents.type", hasItem("Launched"))
                .body("observedAt", matchesPattern("\\d{4}-\\d\\d-\\d\\dT.*Z"));
    }

    @Test
    void showsEverySubnetsStateForLaunchesAndItsStallThreshold() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/api/v1/subnets").then()
                .statusCode(200).body("subnetId", hasItem("subnet-0a1b2c3d4e5f60718")));
        given().when().get("/api/v1/subnets/subnet-0a1b2c3d4e5f60718").then().statusCode(200)
                .body("state", in(List.of("HEALTHY", "PROBING", "STALLED", "SUSPECT", "AVOIDED")))
                .body("stallThresholdSeconds", greaterThan(0f))
                .body("stallThresholdBasis", matchesPattern(".*(recent starts|the cap).*"));
        given().when().get("/api/v1/subnets/subnet-00000000").then().statusCode(404);
        given().when().get("/api/v1/groups/payments-api").then().statusCode(200)
                .body("hold", in(List.of("NONE", "PROBE", "BACKOFF", "SLOW_START", "BUDGET", "PAUSED")))
                .body("$", org.hamcrest.Matchers.hasKey("holdReason"));
    }

    @Test
    void answersNotFoundForAnUnknownGroup() {
        given().when().get("/api/v1/groups/no-such-group").then().statusCode(404);
    }

    @Test
    void exportsReconcilerMetricsForPrometheus() {
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("reconciler_reconcile_passes_total"))
                .body(containsString("reconciler_reconcile_errors_total"))
                .body(containsString("reconciler_reconcile_duration_seconds_count"))
                .body(containsString("reconciler_launches_total{group=\"TaskGroup/payments-api\",result=\"started\"}"))
                .body(containsString("reconciler_group_desired_copies{group=\"TaskGroup/payments-api\"} 3.0"))
                .body(containsString("reconciler_group_running_copies{group=\"TaskGroup/payments-api\"}"))
                .body(containsString("reconciler_work_queue_depth"))
                .body(containsString("reconciler_expectations_in_flight"))
                .body(containsString("reconciler_subnet_free_ips{subnet=\"subnet-0a1b2c3d4e5f60718\"}"))
                .body(containsString("reconciler_subnet_health{subnet=\"subnet-0a1b2c3d4e5f60718\"}"))
                .body(containsString("reconciler_stall_threshold_seconds{subnet=\"subnet-0a1b2c3d4e5f60718\"}"))
                .body(containsString("reconciler_launch_budget_tasks_per_second 15.0"))
                .body(containsString("reconciler_stall_stops_total"));
    }
}
