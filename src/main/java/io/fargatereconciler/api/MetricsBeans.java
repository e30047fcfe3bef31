package io.fargatereconciler.api;

import io.fargatereconciler.desired.DesiredStateStore;
import io.fargatereconciler.loop.GroupStatusBook;
import io.fargatereconciler.loop.ReconcileLoop;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.InstantSource;

/**
 * Produces the metrics recorder the loop reports to, and registers the gauges that read the loop and the desired
 * state.
 */
@ApplicationScoped
public class MetricsBeans {

    @Produces
    @Singleton
    ReconcilerMetrics reconcilerMetrics(MeterRegistry registry, GroupStatusBook status, InstantSource clock) {
        return new ReconcilerMetrics(registry, status, clock);
    }

    void watchLoop(@Observes StartupEvent event, ReconcilerMetrics metrics, ReconcileLoop loop) {
        metrics.watch(loop::queueDepth, loop::expectationsInFlight);
    }

    /** Whether a desired state is in force and how many errors its latest read had: alerts when loading fails. */
    void watchDesiredState(@Observes StartupEvent event, MeterRegistry registry, DesiredStateStore store) {
        Gauge.builder("reconciler.desired.state.in.force", store, s -> s.status().lastGood().isPresent() ? 1 : 0)
                .description("1 while a valid desired state is in force, 0 before the first valid load")
                .strongReference(true).register(registry);
        Gauge.builder("reconciler.desired.state.errors", store, s -> s.status().errors().size())
                .description("Errors of the latest read of the desired state (0 when it was valid; the last valid"
                        + " state stays in force)")
                .strongReference(true).register(registry);
    }
}
