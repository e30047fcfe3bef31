package io.fargatereconciler.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.fargatereconciler.desired.DesiredStateStore;
import io.fargatereconciler.loop.ReconcileLoop;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Health, metrics and the status API over HTTP, with the application as wired for tests: the example desired
 * state, the embedded simulator (dev/simulator.yaml) and the loop driven by the test (reconciler.loop.enabled=false).
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EngineHttpTest {
    @Inject
    ReconcileLoop loop;

    @Inject
    DesiredStateStore desiredState;

    @Test
    @Order(1)
    void isNotReadyBeforeTheFirstObservationButIsAlive() {
        await().atMost(Duration.ofSeconds(10)).until(() -> desiredState.current().isPresent());

        given().when().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'ecs' }.status", equalTo("DOWN"));
        given().when().get("/q/health/live").then().statusCode(200)
                .body("checks.find { it.name == 'reconcile-loop' }.status", equalTo("UP"));
    }

    @Test
    @Order(2)
    void isReadyOnceEveryClusterWasObserved() {
        loop.runPass();

        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'ecs' }.status", equalTo("UP"))
                .body("checks.name", hasItems("ecs", "desired-state"));
    }

    @Test
    @Order(3)
    void listsEveryTaskGroupWithCountsAndConditions() {
        given().when().get("/api/v1/groups").then().statusCode(200)
                .body("name", hasItems("payments-api", "payments-webhook-relay"))
                .body("find { it.name == 'payments-api' }.desired", equalTo(3))
                .body("find { it.name == 'payments-api' }.conditions.type", hasItems("Available", "Progressing", "Degraded"));
    }

    @Test
    @Order(4)
    void showsOneGroupWithItsLaunchEvents() {
        given().when().get("/api/v1/groups/payments-api").then().statusCode(200)
                .body("cluster", equalTo("payments-prod"))
                .body("pending", equalTo(3))
                .body("recentEvents.type", hasItem("Launched"))
                .body("conditions.find { it.type == 'Available' }.status", equalTo("False"));
    }

    @Test
    @Order(5)
    void answersNotFoundForAnUnknownGroup() {
        given().when().get("/api/v1/groups/no-such-group").then().statusCode(404);
    }

    @Test
    @Order(6)
    void exportsReconcilerMetricsForPrometheus() {
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("reconciler_reconcile_passes_total"))
                .body(containsString("reconciler_reconcile_duration_seconds_count"))
                .body(containsString("reconciler_launches_total{group=\"TaskGroup/payments-api\",result=\"started\"} 3.0"))
                .body(containsString("reconciler_group_desired_copies{group=\"TaskGroup/payments-api\"} 3.0"))
                .body(containsString("reconciler_work_queue_depth"))
                .body(containsString("reconciler_expectations_in_flight"));
    }
}
