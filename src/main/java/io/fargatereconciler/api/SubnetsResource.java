package io.fargatereconciler.api;

import io.fargatereconciler.loop.ReconcileLoop;
import io.fargatereconciler.plan.subnet.SubnetHealthBook;
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

/** Read-only health of every subnet the reconciler has seen: state for launches, stall threshold, failures, free IPs. */
@Path("/api/v1/subnets")
@Produces(MediaType.APPLICATION_JSON)
public class SubnetsResource {
    private final ReconcileLoop loop;
    private final InstantSource clock;

    @Inject
    public SubnetsResource(ReconcileLoop loop, InstantSource clock) {
        this.loop = loop;
        this.clock = clock;
    }

    @GET
    public List<SubnetStatusView> list() {
        SubnetHealthBook book = loop.subnetHealth();
        Instant now = clock.instant();
        return book.subnets().keySet().stream().map(id -> SubnetStatusView.of(book, id, now)).toList();
    }

    @GET
    @Path("{id}")
    public SubnetStatusView get(@PathParam("id") String id) {
        SubnetHealthBook book = loop.subnetHealth();
        if (!book.subnets().containsKey(id)) {
            throw new NotFoundException("no subnet " + id + " seen yet (a subnet appears once a task of ours was placed "
                    + "there or EC2 described it); GET /api/v1/subnets lists them");
        }
        return SubnetStatusView.of(book, id, clock.instant());
    }
}
