package io.fargatereconciler.sim.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fargatereconciler.sim.TaskDefinitionSeed;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Registers task definitions (from RegisterTaskDefinition or from the config's seeds) and renders them. */
public final class TaskDefinitionRegistry {
    private static final Pattern FAMILY = Pattern.compile("[a-zA-Z0-9_-]{1,255}");

    private TaskDefinitionRegistry() {
    }

    /** Validates a RegisterTaskDefinition request and registers the family's next revision. */
    public static SimTaskDefinition register(EcsState ecs, ObjectNode request, long now) {
        return register(ecs, request, now, 0);
    }

    private static SimTaskDefinition register(EcsState ecs, ObjectNode request, long now, int seededRevision) {
        EcsRequest req = new EcsRequest(request);
        String family = req.string("family");
        if (family == null || !FAMILY.matcher(family).matches()) {
            throw EcsError.client("Family contains invalid characters or is empty: up to 255 letters (uppercase and "
                    + "lowercase), numbers, hyphens, and underscores are allowed.");
        }
        JsonNode definitions = req.node("containerDefinitions");
        if (definitions == null || !definitions.isArray() || definitions.isEmpty()) {
            throw EcsError.client("Container list cannot be empty.");
        }
        List<SimTaskDefinition.Container> containers = new ArrayList<>();
        for (JsonNode definition : definitions) {
            String name = definition.path("name").asText("");
            String image = definition.path("image").asText("");
            if (name.isEmpty()) {
                throw EcsError.client("Container.name should not be null or empty.");
            }
            if (image.isEmpty()) {
                throw EcsError.client("Container.image should not be null or empty.");
            }
            containers.add(new SimTaskDefinition.Container(name, image, definition.path("essential").asBoolean(true)));
        }
        if (containers.stream().noneMatch(SimTaskDefinition.Container::essential)) {
            throw EcsError.client("Task definition must have at least one essential container.");
        }
        boolean wantsFargate = req.strings("requiresCompatibilities").contains("FARGATE");
        if (wantsFargate && !"awsvpc".equals(request.path("networkMode").asText())) {
            throw EcsError.client("Fargate only supports network mode ‘awsvpc’.");
        }
        if (wantsFargate && (!request.hasNonNull("cpu") || !request.hasNonNull("memory"))) {
            throw EcsError.client("Fargate requires that 'cpu' be defined at the task level.");
        }
        var tags = EcsJson.readTags(request.get("tags"));
        int revision = Math.max(seededRevision, ecs.nextRevision(family));
        ObjectNode registered = request.deepCopy();
        registered.remove("tags");
        SimTaskDefinition definition = new SimTaskDefinition(family, revision,
                ecs.arns().taskDefinition(family, revision), registered, containers, now);
        definition.tags().putAll(tags);
        ecs.addDefinition(definition);
        return definition;
    }

    /** Registers a seeded definition at its revision (or the family's next): FARGATE, awsvpc. */
    public static SimTaskDefinition registerSeed(EcsState ecs, TaskDefinitionSeed seed, long now) {
        ObjectNode request = EcsJson.object();
        request.put("family", seed.family());
        request.put("networkMode", "awsvpc");
        request.putArray("requiresCompatibilities").add("FARGATE");
        request.put("cpu", seed.cpu());
        request.put("memory", seed.memory());
        ArrayNode containers = request.putArray("containerDefinitions");
        seed.containers().forEach(c -> containers.addObject().put("name", c.name()).put("image", c.image())
                .put("essential", c.essential()));
        if (seed.taskRoleArn() != null) {
            request.put("taskRoleArn", seed.taskRoleArn());
        }
        if (seed.executionRoleArn() != null) {
            request.put("executionRoleArn", seed.executionRoleArn());
        }
        return register(ecs, request, now, seed.revision());
    }

    public static ObjectNode render(SimTaskDefinition definition, String accountId) {
        ObjectNode json = definition.registered().deepCopy();
        json.put("taskDefinitionArn", definition.arn());
        json.put("revision", definition.revision());
        json.put("status", "ACTIVE");
        ArrayNode compatibilities = json.putArray("compatibilities").add("EC2");
        if (definition.fargateCompatible()) {
            compatibilities.add("FARGATE");
        }
        if (!json.has("requiresCompatibilities")) {
            json.putArray("requiresCompatibilities");
        }
        if (!json.has("networkMode")) {
            json.put("networkMode", "bridge");
        }
        json.putArray("volumes");
        json.putArray("placementConstraints");
        json.putArray("requiresAttributes");
        json.set("registeredAt", EcsJson.timestamp(definition.registeredAtMillis()));
        json.put("registeredBy", "arn:aws:iam::" + accountId + ":root");
        return json;
    }
}
