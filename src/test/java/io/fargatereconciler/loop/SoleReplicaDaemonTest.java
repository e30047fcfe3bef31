package io.fargatereconciler.loop;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.fargatereconciler.loop.leader.Leadership;
import io.fargatereconciler.loop.leader.SoleReplicaLeadership;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The daemon without a lease table or an event queue: the one replica leads, and no event intake runs. */
@QuarkusTest
class SoleReplicaDaemonTest {
    @Inject
    Leadership leadership;

    @Test
    void alwaysLeadsWithoutALeaseTableAndReceivesNoEventsWithoutAQueue() {
        assertThat(leadership).isInstanceOf(SoleReplicaLeadership.class);
        assertThat(leadership.isLeader()).isTrue();
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("reconciler_leader{replica=\"" + leadership.replicaId() + "\"} 1.0"))
                .body(not(containsString("reconciler_events_total")));
    }
}
