package io.fargatereconciler.sim;

import io.fargatereconciler.sim.http.AdminEndpoint;
import io.fargatereconciler.sim.http.SimulatorHttpServer;
import io.fargatereconciler.sim.world.Simulation;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A simulated ECS-on-Fargate account (with the EC2 and SNS calls around it) behind one HTTP port that the real AWS
 * SDK and CLI talk to with an endpoint override, plus an admin API under {@code /_sim/}.
 *
 * <pre>{@code
 * VirtualClock clock = VirtualClock.create();
 * try (FargateSimulator sim = FargateSimulator.builder().config(config).clock(clock).start()) {
 *     EcsClient ecs = EcsClient.builder().endpointOverride(sim.endpoint()).region(Region.US_EAST_1)
 *             .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y"))).build();
 *     ...
 *     clock.advance(Duration.ofMinutes(1)); // every task transition due by then has happened
 * }
 * }</pre>
 *
 * With a {@link VirtualClock} the world moves only when the clock is advanced (or a request arrives); with any other
 * clock a background ticker processes due transitions every {@link Builder#tick(Duration) tick}.
 */
public final class FargateSimulator implements AutoCloseable {
    private final Simulation simulation;
    private final SimulatorAdmin admin;
    private final SimulatorHttpServer server;
    private final URI endpoint;
    private final AutoCloseable clockRegistration;
    private final ScheduledExecutorService ticker;

    private FargateSimulator(Builder builder) {
        this.simulation = new Simulation(builder.config, builder.clock);
        this.admin = new SimulatorAdmin(simulation);
        boolean virtual = builder.clock instanceof VirtualClock;
        AdminEndpoint.ClockControl clockControl = new AdminEndpoint.ClockControl() {
            @Override
            public boolean virtual() {
                return virtual;
            }

            @Override
            public void advance(Duration step) {
                ((VirtualClock) builder.clock).advance(step);
            }
        };
        this.server = new SimulatorHttpServer(simulation, admin, builder.host, builder.port, !virtual, clockControl);
        this.endpoint = URI.create("http://" + (builder.host.contains(":") ? "[" + builder.host + "]" : builder.host)
                + ":" + server.port());
        if (virtual) {
            this.clockRegistration = ((VirtualClock) builder.clock).onAdvance(simulation::catchUp);
            this.ticker = null;
        } else {
            this.clockRegistration = null;
            this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "sim-ticker");
                thread.setDaemon(true);
                return thread;
            });
            long tickMillis = builder.tick.toMillis();
            ticker.scheduleAtFixedRate(simulation::catchUp, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A simulator on a free loopback port, with {@code config}, on {@code clock}. */
    public static FargateSimulator start(SimulatorConfig config, InstantSource clock) {
        return builder().config(config).clock(clock).start();
    }

    /** Where clients send requests, e.g. {@code http://127.0.0.1:4566}: pass it to {@code endpointOverride}. */
    public URI endpoint() {
        return endpoint;
    }

    public int port() {
        return server.port();
    }

    public SimulatorAdmin admin() {
        return admin;
    }

    public InstantSource clock() {
        return simulation.clock();
    }

    public SimulatorConfig config() {
        return simulation.config();
    }

    @Override
    public void close() {
        server.close();
        if (ticker != null) {
            ticker.shutdownNow();
        }
        if (clockRegistration != null) {
            try {
                clockRegistration.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        simulation.events().close();
    }

    /** Configures and starts a {@link FargateSimulator}. */
    public static final class Builder {
        private int port;
        private String host = "127.0.0.1";
        private SimulatorConfig config = SimulatorConfig.empty();
        private InstantSource clock = Clock.systemUTC();
        private Duration tick = Duration.ofMillis(100);

        private Builder() {
        }

        /** The port to listen on; 0 (the default) takes any free port. */
        public Builder port(int value) {
            if (value < 0 || value > 65_535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + value);
            }
            port = value;
            return this;
        }

        /** The address to listen on; loopback by default (the admin API has no authentication). */
        public Builder host(String value) {
            host = Objects.requireNonNull(value, "host");
            return this;
        }

        public Builder config(SimulatorConfig value) {
            config = Objects.requireNonNull(value, "config");
            return this;
        }

        /** A {@link VirtualClock} for tests and benchmarks; the system clock (the default) for dev mode. */
        public Builder clock(InstantSource value) {
            clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** How often a real-time simulator processes due transitions (default 100 ms). */
        public Builder tick(Duration value) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("tick must be positive");
            }
            tick = value;
            return this;
        }

        public FargateSimulator start() {
            return new FargateSimulator(this);
        }
    }
}
