package io.fargatereconciler.loop;

import io.fargatereconciler.desired.DesiredResource;
import io.fargatereconciler.desired.DesiredStateChanged;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Starts the loop's thread with the application (unless {@code reconciler.loop.enabled=false}), stops it
 * gracefully on shutdown (SIGTERM), and reconciles every group and job at once when a new desired state takes force.
 */
@ApplicationScoped
public class LoopLifecycle {
    private final ReconcileLoop loop;
    private final LoopConfig config;

    @Inject
    public LoopLifecycle(ReconcileLoop loop, LoopConfig config) {
        this.loop = loop;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.loop().enabled()) {
            loop.start();
        }
    }

    void onShutdown(@Observes ShutdownEvent event) {
        loop.stop();
    }

    void onDesiredStateChanged(@Observes DesiredStateChanged changed) {
        changed.current().resources().values().stream().map(DesiredResource::key).forEach(loop::enqueue);
    }
}
