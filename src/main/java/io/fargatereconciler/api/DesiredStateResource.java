package io.fargatereconciler.api;

import io.fargatereconciler.desired.DesiredStateStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Read-only: which desired state is in force and what is wrong with the latest edit, if anything. */
@Path("/api/v1/desired-state")
public class DesiredStateResource {
    private final DesiredStateStore store;

    DesiredStateResource(DesiredStateStore store) {
        this.store = store;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public DesiredStateView get() {
        return DesiredStateView.of(store.status());
    }
}
