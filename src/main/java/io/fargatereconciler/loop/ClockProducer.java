package io.fargatereconciler.loop;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.InstantSource;

/**
 * The daemon's clock: the system clock, unless another bean provides an {@link InstantSource} (a test's or the
 * simulator's virtual clock), which then takes its place.
 */
@ApplicationScoped
public class ClockProducer {
    @Produces
    @Singleton
    @DefaultBean
    InstantSource instantSource() {
        return InstantSource.system();
    }
}
