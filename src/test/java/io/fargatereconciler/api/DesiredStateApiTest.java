package io.fargatereconciler.api;

import static io.fargatereconciler.desired.DesiredStateFixture.GROUP;
import static io.restassured.RestAssured.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.fargatereconciler.desired.DesiredStateFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The running daemon over HTTP, through the life of one desired-state folder: empty (not ready), a good file
 * (ready), a broken edit (still ready on the last good state, errors shown), the fix (errors cleared).
 */
@QuarkusTest
@TestProfile(WatchedFolderProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DesiredStateApiTest {
    private static final Duration PICKED_UP_WITHIN = Duration.ofSeconds(15);
    private static final DesiredStateFixture FOLDER = new DesiredStateFixture(WatchedFolderProfile.FOLDER);

    @Inject
    ChangeRecorder changes;

    @Test
    @Order(1)
    void isNotReadyWhileNoValidStateWasEverLoaded() {
        get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'desired-state' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'desired-state' }.data.errors", equalTo(1));
        get("/api/v1/desired-state").then().statusCode(200)
                .body("inForce", nullValue())
                .body("latestAttemptValid", equalTo(false))
                .body("lastAttemptAt", notNullValue())
                .body("errors[0].file", equalTo(WatchedFolderProfile.FOLDER.toString()))
                .body("errors[0].message", containsString("holds no desired-state files"));
    }

    @Test
    @Order(2)
    void becomesReadyOnceAGoodFileAppears() {
        FOLDER.write("team/api.yaml", GROUP);
        await().atMost(PICKED_UP_WITHIN).untilAsserted(() -> get("/q/health/ready").then().statusCode(200));
        get("/api/v1/desired-state").then().statusCode(200)
                .body("inForce.resources", equalTo(1))
                .body("inForce.taskGroups", equalTo(1))
                .body("inForce.keys", contains("TaskGroup/api"))
                .body("latestAttemptValid", equalTo(true))
                .body("errors", empty());
        assertThat(changes.seen()).hasSize(1);
    }

    @Test
    @Order(3)
    void keepsTheLastGoodStateAndStaysReadyWhenAnEditIsBroken() {
        String revision = inForceRevision();
        FOLDER.write("team/api.yaml", GROUP.replace("replicas: 2", "replicas: -3"));
        await().atMost(PICKED_UP_WITHIN).untilAsserted(() -> get("/api/v1/desired-state").then()
                .body("errors", hasSize(1)));
        get("/api/v1/desired-state").then()
                .body("inForce.revision", equalTo(revision))
                .body("latestAttemptValid", equalTo(false))
                .body("errors[0].file", equalTo(WatchedFolderProfile.FOLDER + "/team/api.yaml"))
                .body("errors[0].line", equalTo(6))
                .body("errors[0].column", equalTo(13))
                .body("errors[0].field", equalTo("spec.replicas"))
                .body("errors[0].message", equalTo("must not be negative, not -3"));
        get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'desired-state' }.data.revision", equalTo(revision))
                .body("checks.find { it.name == 'desired-state' }.data.'error.1'",
                        equalTo(WatchedFolderProfile.FOLDER + "/team/api.yaml:6:13 spec.replicas: must not be negative, not -3"));
        assertThat(changes.seen()).hasSize(1);
    }

    @Test
    @Order(4)
    void clearsTheErrorsAndTakesTheFixedFile() {
        String broken = inForceRevision();
        FOLDER.write("team/api.yaml", GROUP.replace("replicas: 2", "replicas: 3"));
        await().atMost(PICKED_UP_WITHIN).untilAsserted(() -> get("/api/v1/desired-state").then()
                .body("errors", empty()));
        assertThat(inForceRevision()).isNotEqualTo(broken);
        get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'desired-state' }.data.errors", nullValue());
        assertThat(changes.seen()).hasSize(2);
        assertThat(changes.seen().get(1).current().taskGroups().get(0).replicas()).isEqualTo(3);
    }

    @AfterAll
    static void removeFolder() throws IOException {
        try (Stream<Path> paths = Files.walk(WatchedFolderProfile.FOLDER)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static String inForceRevision() {
        JsonPath body = get("/api/v1/desired-state").then().statusCode(200).extract().jsonPath();
        return body.getString("inForce.revision");
    }
}
