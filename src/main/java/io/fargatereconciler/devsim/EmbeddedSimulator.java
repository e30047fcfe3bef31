package io.fargatereconciler.devsim;

import io.fargatereconciler.aws.EcsEndpointOverride;
import io.fargatereconciler.sim.FargateSimulator;
import io.fargatereconciler.sim.SimulatorConfig;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Dev-mode wiring: the embedded Fargate simulator, started when {@code reconciler.simulator.enabled=true} (set in
 * the dev and test profiles only) and offered as the ECS endpoint. This package is the only production-side code
 * that imports {@code sim}; without the property the bean is never looked up, so nothing of it runs.
 */
@Singleton
@LookupIfProperty(name = "reconciler.simulator.enabled", stringValue = "true")
public class EmbeddedSimulator implements EcsEndpointOverride {
    private static final Logger LOG = Logger.getLogger(EmbeddedSimulator.class);

    private final FargateSimulator simulator;

    @Inject
    public EmbeddedSimulator(SimulatorSettings settings) {
        SimulatorConfig config = settings.config().map(Path::of).map(SimulatorConfig::load)
                .orElseGet(SimulatorConfig::empty);
        this.simulator = FargateSimulator.builder().config(config).clock(Clock.systemUTC()).port(settings.port()).start();
        LOG.infof("embedded Fargate simulator listening on %s (region %s); try: aws ecs list-tasks --endpoint-url %s "
                + "--region %s --cluster <name>", simulator.endpoint(), config.region(), simulator.endpoint(),
                config.region());
    }

    @Override
    public URI endpoint() {
        return simulator.endpoint();
    }

    @Override
    public String region() {
        return simulator.config().region();
    }

    /** The simulator itself, for the dev-mode seeding and for tests that break things on purpose. */
    public FargateSimulator simulator() {
        return simulator;
    }

    @PreDestroy
    void stop() {
        simulator.close();
    }
}
