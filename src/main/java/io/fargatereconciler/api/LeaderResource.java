package io.fargatereconciler.api;

import io.fargatereconciler.loop.leader.LeaderInfo;
import io.fargatereconciler.loop.leader.Leadership;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;

/**
 * Who leads: this replica's id, whether it leads (only the leader launches and stops tasks; a standby observes and
 * serves status), and the leader's id and since when (null while no leader is known yet).
 */
@Path("/api/v1/leader")
@Produces(MediaType.APPLICATION_JSON)
public class LeaderResource {
    private final Leadership leadership;

    @Inject
    public LeaderResource(Leadership leadership) {
        this.leadership = leadership;
    }

    /** The answer: {@code {"replica":"a","leading":true,"leader":"a","leaderSince":"2030-01-01T00:00:00Z"}}. */
    public record LeaderView(String replica, boolean leading, String leader, Instant leaderSince) {
    }

    @GET
    public LeaderView get() {
        var leader = leadership.leader();
        return new LeaderView(leadership.replicaId(), leadership.isLeader(),
                leader.map(LeaderInfo::replicaId).orElse(null), leader.map(LeaderInfo::since).orElse(null));
    }
}
