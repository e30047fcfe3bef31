package io.fargatereconciler.sim.ecs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A registered task definition revision. {@code registered} is the RegisterTaskDefinition request as sent (echoed by
 * DescribeTaskDefinition); the fields the simulator needs are parsed out of it.
 */
public final class SimTaskDefinition {
    /** A container of the definition. */
    public record Container(String name, String image, boolean essential) {
    }

    private final String family;
    private final int revision;
    private final String arn;
    private final ObjectNode registered;
    private final List<Container> containers;
    private final long registeredAtMillis;
    private final Map<String, String> tags = new LinkedHashMap<>();

    public SimTaskDefinition(String family, int revision, String arn, ObjectNode registered, List<Container> containers,
                             long registeredAtMillis) {
        this.family = family;
        this.revision = revision;
        this.arn = arn;
        this.registered = registered;
        this.containers = List.copyOf(containers);
        this.registeredAtMillis = registeredAtMillis;
    }

    public String family() {
        return family;
    }

    public int revision() {
        return revision;
    }

    public String arn() {
        return arn;
    }

    public ObjectNode registered() {
        return registered;
    }

    public List<Container> containers() {
        return containers;
    }

    public long registeredAtMillis() {
        return registeredAtMillis;
    }

    public Map<String, String> tags() {
        return tags;
    }

    public String networkMode() {
        return registered.path("networkMode").asText("bridge");
    }

    public String cpu() {
        return registered.hasNonNull("cpu") ? registered.get("cpu").asText() : null;
    }

    public String memory() {
        return registered.hasNonNull("memory") ? registered.get("memory").asText() : null;
    }

    /** FARGATE when the definition meets Fargate's requirements (awsvpc, task-level cpu and memory). */
    public boolean fargateCompatible() {
        return "awsvpc".equals(networkMode()) && cpu() != null && memory() != null;
    }
}
