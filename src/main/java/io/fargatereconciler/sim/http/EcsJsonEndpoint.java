package io.fargatereconciler.sim.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.fargatereconciler.sim.ecs.EcsApi;
import io.fargatereconciler.sim.ecs.EcsError;
import io.fargatereconciler.sim.ecs.EcsJson;
import java.io.IOException;

/**
 * The AWS JSON 1.1 side of the port: {@code X-Amz-Target: AmazonEC2ContainerServiceV20141113.<Operation>}. Errors are
 * written as ECS writes them: {@code {"__type": "...", "message": "..."}} (plus {@code "resourceIds"} for a RunTask
 * ConflictException) with HTTP 400 (500 for ServerException),
 * and the type repeated in {@code x-amzn-ErrorType}.
 */
final class EcsJsonEndpoint {
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private final EcsApi api;

    EcsJsonEndpoint(EcsApi api) {
        this.api = api;
    }

    void handle(HttpExchange exchange, String target, byte[] body) throws IOException {
        String requestId = Exchanges.requestId();
        try {
            if (!target.startsWith(EcsApi.TARGET_PREFIX)) {
                throw EcsError.unknownOperation(target);
            }
            ObjectNode response = api.handle(target.substring(EcsApi.TARGET_PREFIX.length()), body);
            Exchanges.send(exchange, 200, CONTENT_TYPE, EcsJson.MAPPER.writeValueAsString(response), requestId);
        } catch (EcsError error) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", error.type());
            ObjectNode json = EcsJson.object().put("__type", error.type()).put("message", error.getMessage());
            if (!error.resourceIds().isEmpty()) {
                error.resourceIds().forEach(json.putArray("resourceIds")::add);
            }
            Exchanges.send(exchange, error.status(), CONTENT_TYPE, json.toString(), requestId);
        }
    }
}
