package io.fargatereconciler.sim.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.fargatereconciler.sim.DurationText;
import io.fargatereconciler.sim.SimJson;
import io.fargatereconciler.sim.SimulatorAdmin;
import io.fargatereconciler.sim.SimulatorConfig;
import io.fargatereconciler.sim.faults.SubnetFaults;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The admin API under {@code /_sim/}: the HTTP mirror of {@link SimulatorAdmin}, for demos, scripts and tests in
 * other processes. JSON in and out (the fault model may also be sent as YAML). No authentication: the simulator
 * listens on loopback by default. See docs/simulator.md for the routes.
 */
public final class AdminEndpoint {
    public static final String PREFIX = "/_sim/";

    /** Lets the admin API move a virtual clock; a real-time simulator refuses. */
    public interface ClockControl {
        boolean virtual();

        void advance(Duration step);
    }

    private final SimulatorAdmin admin;
    private final ClockControl clock;

    AdminEndpoint(SimulatorAdmin admin, ClockControl clock) {
        this.admin = admin;
        this.clock = clock;
    }

    void handle(HttpExchange exchange, byte[] body) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
        String query = exchange.getRequestURI().getRawQuery();
        String text = new String(body, StandardCharsets.UTF_8);
        try {
            Object result = route(method, path.split("/"), param(query, "cluster"), text);
            send(exchange, 200, result == null ? Map.of("ok", true) : result);
        } catch (IllegalArgumentException e) {
            send(exchange, 400, Map.of("error", String.valueOf(e.getMessage())));
        } catch (IllegalStateException e) {
            send(exchange, 409, Map.of("error", String.valueOf(e.getMessage())));
        } catch (RouteNotFound e) {
            send(exchange, 404, Map.of("error", method + " " + PREFIX + path + " is not an admin route; see "
                    + "docs/simulator.md"));
        }
    }

    private Object route(String method, String[] p, String cluster, String body) throws IOException {
        String route = method + " " + p[0] + (p.length > 1 ? "/" + (p[0].equals("subnets") ? "*" : p[1]) : "")
                + (p.length > 2 ? "/" + p[2] : "");
        return switch (route) {
            case "GET health" -> Map.of("status", "UP", "now", admin.now().toString(), "virtualClock",
                    clock.virtual());
            case "GET tasks" -> cluster == null ? admin.tasks() : admin.tasks(cluster);
            case "GET tasks/counts" -> cluster == null ? admin.countTasksByStatus()
                    : admin.countTasksByStatus(cluster);
            case "POST tasks/stop" -> Map.of("stopped", admin.stopTask(required(json(body), "taskArn"),
                    json(body).path("reason").asText(null)));
            case "POST tasks/kill" -> Map.of("killed", admin.killTask(required(json(body), "taskArn"),
                    json(body).path("exitCode").asInt(137)));
            case "GET faults" -> admin.faults();
            case "PUT faults" -> {
                admin.setFaults(SimulatorConfig.parseFaults(body, "PUT " + PREFIX + "faults"));
                yield admin.faults();
            }
            case "PUT subnets/*/faults" -> {
                admin.setSubnetFaults(p[1], SimJson.YAML.readValue(body, SubnetFaults.class));
                yield admin.faults().subnet(p[1]);
            }
            case "POST subnets/*/outage" -> {
                JsonNode json = json(body);
                if (json.hasNonNull("duration")) {
                    admin.startEniOutage(p[1], DurationText.parse(json.get("duration").asText()));
                } else {
                    admin.startEniOutage(p[1]);
                }
                yield Map.of("subnetId", p[1], "inOutage", admin.inEniOutage(p[1]));
            }
            case "DELETE subnets/*/outage" -> {
                admin.endEniOutage(p[1]);
                yield Map.of("subnetId", p[1], "inOutage", admin.inEniOutage(p[1]));
            }
            case "PUT subnets/*/free-ips" -> {
                admin.setFreeIps(p[1], json(body).path("freeIps").asInt(-1));
                yield Map.of("subnetId", p[1], "freeIps", admin.freeIps(p[1]));
            }
            case "PUT throttling" -> {
                admin.setThrottling(json(body).path("enabled").asBoolean(true));
                yield admin.faults().throttling();
            }
            case "GET sns/messages" -> admin.snsMessages();
            case "DELETE sns/messages" -> {
                admin.clearSnsMessages();
                yield null;
            }
            case "GET api-calls" -> admin.apiCalls();
            case "POST api-calls/fail-next" -> {
                JsonNode json = json(body);
                admin.failNextCalls(required(json, "operation"), json.path("times").asInt(1));
                yield null;
            }
            case "DELETE api-calls" -> {
                admin.resetApiCalls();
                yield null;
            }
            case "PUT events/queue" -> {
                admin.sendEventsToQueue(json(body).path("queueUrl").asText(null));
                yield null;
            }
            case "POST clock/advance" -> {
                if (!clock.virtual()) {
                    throw new IllegalStateException("this simulator runs on real time; start it with a virtual "
                            + "clock to advance time");
                }
                clock.advance(DurationText.parse(required(json(body), "duration")));
                yield Map.of("now", admin.now().toString());
            }
            default -> throw new RouteNotFound();
        };
    }

    private static JsonNode json(String body) throws IOException {
        if (body.isBlank()) {
            return SimJson.JSON.createObjectNode();
        }
        JsonNode node = SimJson.YAML.readTree(body);
        return node == null ? SimJson.JSON.createObjectNode() : node;
    }

    private static String required(JsonNode json, String field) {
        if (!json.hasNonNull(field)) {
            throw new IllegalArgumentException("missing field '" + field + "' in the request body");
        }
        return json.get(field).asText();
    }

    private static String param(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static void send(HttpExchange exchange, int status, Object body) throws IOException {
        Exchanges.send(exchange, status, "application/json", SimJson.JSON.writeValueAsString(body), null);
    }

    private static final class RouteNotFound extends RuntimeException {
        RouteNotFound() {
            super(null, null, false, false);
        }
    }
}
