package io.fargatereconciler.sim.ecs;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** JSON building blocks of the ECS wire format (AWS JSON 1.1): timestamps are epoch seconds, tags key/value pairs. */
public final class EcsJson {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    private static final JsonNodeFactory NODES = MAPPER.getNodeFactory();

    private EcsJson() {
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** Epoch seconds with millisecond fraction, as ECS writes timestamps ({@code 1735689600.123}). */
    public static JsonNode timestamp(long epochMillis) {
        return DecimalNode.valueOf(BigDecimal.valueOf(epochMillis, 3));
    }

    public static ArrayNode tags(Map<String, String> tags) {
        ArrayNode array = array();
        tags.forEach((key, value) -> array.addObject().put("key", key).put("value", value));
        return array;
    }

    /** Reads and validates a {@code tags} array: at most 50, keys 1..128 and values 0..256 characters. */
    public static Map<String, String> readTags(JsonNode tagsNode) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (tagsNode == null || tagsNode.isNull()) {
            return tags;
        }
        if (!tagsNode.isArray()) {
            throw EcsError.serialization("tags must be a list of {key, value}");
        }
        if (tagsNode.size() > 50) {
            throw EcsError.invalidParameter("Tags can have a maximum of 50 entries. You specified " + tagsNode.size()
                    + ".");
        }
        for (JsonNode tag : tagsNode) {
            String key = tag.path("key").asText("");
            String value = tag.path("value").asText("");
            if (key.isEmpty() || key.length() > 128) {
                throw EcsError.invalidParameter("Tag keys must be between 1 and 128 characters.");
            }
            if (value.length() > 256) {
                throw EcsError.invalidParameter("Tag values must be at most 256 characters.");
            }
            tags.put(key, value);
        }
        return tags;
    }
}
