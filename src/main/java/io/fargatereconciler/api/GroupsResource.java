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
import java.util.List;

/** Read-only status of every TaskGroup: counts, conditions, last errors, next retry and recent events. */
@Path("/api/v1/groups")
@Produces(MediaType.APPLICATION_JSON)
public class GroupsResource {
    private final GroupStatusBook status;

    @Inject
    public GroupsResource(GroupStatusBook status) {
        this.status = status;
    }

    @GET
    public List<GroupStatusView> list() {
        return status.all().stream().map(GroupStatusView::of).toList();
    }

    @GET
    @Path("{name}")
    public GroupStatusView get(@PathParam("name") String name) {
        return status.get(ResourceKey.taskGroup(name)).map(GroupStatusView::of)
                .orElseThrow(() -> new NotFoundException("no TaskGroup named '" + name
                        + "' in the current desired state; GET /api/v1/groups lists them"));
    }
}
