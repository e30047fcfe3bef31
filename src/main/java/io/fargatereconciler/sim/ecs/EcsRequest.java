package io.fargatereconciler.sim.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** A parsed ECS request body with typed, validating accessors (wrong JSON types are SerializationException). */
public record EcsRequest(ObjectNode body) {

    public boolean has(String field) {
        return body.hasNonNull(field);
    }

    public String string(String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw EcsError.serialization("Expected a string for " + field);
        }
        return node.asText();
    }

    public String requiredString(String field) {
        String value = string(field);
        if (value == null) {
            throw EcsError.invalidParameter(field + " can not be blank.");
        }
        return value;
    }

    public Integer integer(String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber()) {
            throw EcsError.serialization("Expected an integer for " + field);
        }
        return node.asInt();
    }

    public List<String> strings(String field) {
        JsonNode node = body.get(field);
        List<String> values = new ArrayList<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (!node.isArray()) {
            throw EcsError.serialization("Expected a list of strings for " + field);
        }
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                throw EcsError.serialization("Expected a list of strings for " + field);
            }
            values.add(item.asText());
        }
        return values;
    }

    public JsonNode node(String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : node;
    }
}
