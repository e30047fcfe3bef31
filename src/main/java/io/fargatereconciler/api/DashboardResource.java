package io.fargatereconciler.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * The dashboard lives at {@code /} (static files in {@code META-INF/resources}: the page reads the status API every
 * few seconds); {@code /ui} sends the browser there.
 */
@Path("/ui")
public class DashboardResource {

    @GET
    public Response dashboard() {
        return Response.seeOther(URI.create("/")).build();
    }
}
