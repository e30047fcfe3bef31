package io.fargatereconciler.loop;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.loop.leader.LeaseElection;
import io.fargatereconciler.loop.leader.Leadership;
import io.fargatereconciler.testing.ElasticMq;
import io.fargatereconciler.testing.TaskStateChangeEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The daemon configured with a lease table and an event queue: it leads, and events reach the work queue. */
@QuarkusTest
@TestProfile(EventsAndLeaseProfile.class)
class EventsAndLeaderDaemonTest {
    @Inject
    Leadership leadership;

    @Inject
    RecordingLoopWorkQueue workQueue;

    ElasticMq sqs;

    @Test
    void leadsThroughTheLeaseTableAndShowsItInMetrics() {
        assertThat(leadership).isInstanceOf(LeaseElection.class);
        await().atMost(Duration.ofSeconds(10)).until(leadership::isLeader);

        assertThat(leadership.leader()).hasValueSatisfying(
                leader -> assertThat(leader.replicaId()).isEqualTo("replica-under-test"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("reconciler_leader{replica=\"replica-under-test\"} 1.0"));
        given().get("/api/v1/leader").then().statusCode(200)
                .body("replica", equalTo("replica-under-test")).body("leading", equalTo(true))
                .body("leader", equalTo("replica-under-test")).body("leaderSince", notNullValue());
    }

    @Test
    void theLeaderPutsTheGroupOfAStoppedTaskOnTheWorkQueue() {
        await().atMost(Duration.ofSeconds(10)).until(leadership::isLeader);
        String queueUrl = sqs.client().getQueueUrl(request -> request.queueName(EventsAndLeaseServers.QUEUE))
                .queueUrl();

        sqs.send(queueUrl, TaskStateChangeEvents.event("api-1", "STOPPED", 3, "fargate-reconciler"));

        await().atMost(Duration.ofSeconds(10)).until(() -> workQueue.nudged().contains(ResourceKey.taskGroup("api")));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("reconciler_events_total{outcome=\"nudged_group\"} 1.0"));
    }
}
