package io.fargatereconciler.devsim;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** {@code reconciler.simulator.*}: the embedded Fargate simulator of dev mode. */
@ConfigMapping(prefix = "reconciler.simulator")
public interface SimulatorSettings {
    /** Start the embedded simulator and point the ECS client at it (dev and test profiles only). */
    @WithDefault("false")
    boolean enabled();

    /** Loopback port it listens on, for the AWS CLI ({@code --endpoint-url http://localhost:4566}); 0 = any free port. */
    @WithDefault("4566")
    int port();

    /** Simulator YAML (region, clusters, subnets, timings, faults) to seed it from; unset = an empty account. */
    Optional<String> config();
}
