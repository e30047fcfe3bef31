package io.fargatereconciler.api;

import io.fargatereconciler.loop.GroupStatusBook;
import io.fargatereconciler.loop.ReconcileLoop;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.InstantSource;

/** Produces the metrics recorder the loop reports to, and registers the gauges that read the loop. */
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
}
