package io.fargatereconciler.api;

import io.fargatereconciler.loop.ReconcileLoop;
import io.fargatereconciler.plan.OrphanGroup;
import io.fargatereconciler.plan.OrphanTask;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/**
 * Read-only: copies of ours (our startedBy and group tag) whose group the desired state does not declare, by group,
 * with since when, when they are stopped ({@code reconciler.orphans.stop-after}; null: never) and why not now.
 */
@Path("/api/v1/orphans")
@Produces(MediaType.APPLICATION_JSON)
public class OrphansResource {
    private final ReconcileLoop loop;

    @Inject
    public OrphansResource(ReconcileLoop loop) {
        this.loop = loop;
    }

    @GET
    public List<OrphanView> list() {
        return loop.orphans().values().stream().map(OrphanView::of).toList();
    }

    /** One orphaned group on the API. */
    public record OrphanView(String kind, String name, List<OrphanTask> tasks, Instant orphanedSince, Instant stopAt,
                             String kept) {
        static OrphanView of(OrphanGroup orphan) {
            return new OrphanView(orphan.group().kind().name(), orphan.group().name(), orphan.tasks(),
                    orphan.orphanedSince(), orphan.stopAt(), orphan.kept());
        }
    }
}
