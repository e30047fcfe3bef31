package io.fargatereconciler.sim.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fargatereconciler.sim.ecs.EcsJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Wraps a task's DescribeTasks JSON into the EventBridge envelope: timestamps in the detail become ISO-8601 strings
 * (as in real events), {@code updatedAt} is added and {@code detail.version} is the task version.
 */
final class EventEnvelope {
    private EventEnvelope() {
    }

    static String wrap(ObjectNode taskJson, String eventId, long atMillis, String region, String account) {
        ObjectNode detail = toIsoTimestamps(taskJson);
        detail.put("updatedAt", Instant.ofEpochMilli(atMillis).toString());
        ObjectNode envelope = EcsJson.object();
        envelope.put("version", "0");
        envelope.put("id", eventId);
        envelope.put("detail-type", "ECS Task State Change");
        envelope.put("source", "aws.ecs");
        envelope.put("account", account);
        envelope.put("time", Instant.ofEpochMilli(atMillis).truncatedTo(ChronoUnit.SECONDS).toString());
        envelope.put("region", region);
        envelope.putArray("resources").add(taskJson.get("taskArn").asText());
        envelope.set("detail", detail);
        return envelope.toString();
    }

    private static ObjectNode toIsoTimestamps(ObjectNode node) {
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
        node.fields().forEachRemaining(fields::add);
        for (Map.Entry<String, JsonNode> field : fields) {
            JsonNode value = field.getValue();
            if (value instanceof DecimalNode decimal && field.getKey().endsWith("At")) {
                BigDecimal seconds = decimal.decimalValue();
                node.put(field.getKey(), Instant.ofEpochMilli(seconds.movePointRight(3).longValue()).toString());
            } else if (value.isObject()) {
                toIsoTimestamps((ObjectNode) value);
            } else if (value.isArray()) {
                value.forEach(item -> {
                    if (item.isObject()) {
                        toIsoTimestamps((ObjectNode) item);
                    }
                });
            }
        }
        return node;
    }
}
