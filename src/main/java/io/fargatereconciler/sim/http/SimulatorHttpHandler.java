package io.fargatereconciler.sim.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.fargatereconciler.sim.faults.ApiFaults;
import io.fargatereconciler.sim.world.Simulation;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One port for everything: ECS by its {@code X-Amz-Target} header, EC2 and SNS by their form {@code Action} (and the
 * service named in the signature's credential scope), the admin API under {@code /_sim/}.
 */
final class SimulatorHttpHandler implements HttpHandler {
    private static final System.Logger LOG = System.getLogger(SimulatorHttpHandler.class.getName());

    private final Simulation sim;
    private final boolean realTime;
    private final EcsJsonEndpoint ecs;
    private final QueryEndpoint query;
    private final AdminEndpoint admin;

    SimulatorHttpHandler(Simulation sim, boolean realTime, EcsJsonEndpoint ecs, QueryEndpoint query,
                         AdminEndpoint admin) {
        this.sim = sim;
        this.realTime = realTime;
        this.ecs = ecs;
        this.query = query;
        this.admin = admin;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith(AdminEndpoint.PREFIX)) {
                admin.handle(exchange, body);
                return;
            }
            addLatency();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (target != null) {
                ecs.handle(exchange, target, body);
            } else {
                query.handle(exchange, body);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "simulator failed on " + exchange.getRequestURI(), e);
            Exchanges.send(exchange, 500, "application/json",
                    "{\"__type\":\"InternalFailure\",\"message\":\"simulator error: " + e.getClass().getSimpleName()
                            + "\"}", Exchanges.requestId());
        } finally {
            exchange.close();
        }
    }

    /** Real time only: virtual time never sleeps, so tests stay fast and deterministic. */
    private void addLatency() {
        ApiFaults api = sim.faults().model().api();
        if (!realTime || api.latencyMax().isZero()) {
            return;
        }
        long min = api.latencyMin().toMillis();
        long max = api.latencyMax().toMillis();
        try {
            Thread.sleep(min + (max > min ? ThreadLocalRandom.current().nextLong(max - min + 1) : 0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
