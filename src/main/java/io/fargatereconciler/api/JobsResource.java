package io.fargatereconciler.api;

import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.loop.JobStatusBook;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Read-only status of every Job: schedule, runs in progress and the bounded history of finished runs. */
@Path("/api/v1/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class JobsResource {
    private final JobStatusBook jobs;

    @Inject
    public JobsResource(JobStatusBook jobs) {
        this.jobs = jobs;
    }

    @GET
    public List<JobStatusView> list() {
        return jobs.all().stream().map(JobStatusView::of).toList();
    }

    @GET
    @Path("{name}")
    public JobStatusView get(@PathParam("name") String name) {
        return jobs.get(ResourceKey.job(name)).map(JobStatusView::of)
                .orElseThrow(() -> new NotFoundException("no Job named '" + name
                        + "' in the current desired state; GET /api/v1/jobs lists them"));
    }
}
