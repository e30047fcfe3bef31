package io.fargatereconciler.sim.http;

import com.sun.net.httpserver.HttpServer;
import io.fargatereconciler.sim.SimulatorAdmin;
import io.fargatereconciler.sim.ec2.Ec2Api;
import io.fargatereconciler.sim.iam.IamApi;
import io.fargatereconciler.sim.ecs.EcsApi;
import io.fargatereconciler.sim.sns.SnsApi;
import io.fargatereconciler.sim.world.Simulation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The simulator's single HTTP port: ECS, EC2, SNS and the admin API, served by a small pool of daemon threads. */
public final class SimulatorHttpServer implements AutoCloseable {
    static {
        // The JDK server writes headers and body in separate packets; without TCP_NODELAY every response waits
        // for the client's delayed ACK (about 40 ms). Read once, when the JDK server's config class loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService workers;

    public SimulatorHttpServer(Simulation sim, SimulatorAdmin admin, String host, int port, boolean realTime,
                               AdminEndpoint.ClockControl clockControl) {
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(8, r -> {
            Thread thread = new Thread(r, "sim-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            this.server = HttpServer.create(new InetSocketAddress(host, port), 128);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + "); choose another --port, or 0 for any free port", e);
        }
        server.createContext("/", new SimulatorHttpHandler(sim, realTime, new EcsJsonEndpoint(new EcsApi(sim)),
                new QueryEndpoint(new Ec2Api(sim), new SnsApi(sim), new IamApi(sim)), new AdminEndpoint(admin, clockControl)));
        server.setExecutor(workers);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
