package io.fargatereconciler.api;

import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.loop.GroupStatusBook;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;

/** Read-only status of every TaskGroup: counts, conditions, holds and why, last errors, next retry, recent events. */
@Path("/api/v1/groups")
@Produces(MediaType.APPLICATION_JSON)
public class GroupsResource {
    private final GroupStatusBook status;
    private final InstantSource clock;

    @Inject
    public GroupsResource(GroupStatusBook status, InstantSource clock) {
        this.status = status;
        this.clock = clock;
    }

    @GET
    public List<GroupStatusView> list() {
        Instant now = clock.instant();
        return status.all().stream().map(report -> GroupStatusView.of(report, now)).toList();
    }

    @GET
    @Path("{name}")
    public GroupStatusView get(@PathParam("name") String name) {
        return status.get(ResourceKey.taskGroup(name)).map(report -> GroupStatusView.of(report, clock.instant()))
                .orElseThrow(() -> new NotFoundException("no TaskGroup named '" + name
                        + "' in the current desired state; GET /api/v1/groups lists them"));
    }
}
