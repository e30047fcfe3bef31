package io.fargatereconciler.sim.ecs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** CreateCluster, DescribeClusters, ListClusters. */
final class ClusterOperations {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,255}");
    private final EcsState ecs;

    ClusterOperations(EcsState ecs) {
        this.ecs = ecs;
    }

    ObjectNode createCluster(EcsRequest req, long now) {
        String name = req.string("clusterName");
        name = name == null ? "default" : name;
        if (!NAME.matcher(name).matches()) {
            throw EcsError.invalidParameter("Cluster name can have up to 255 letters (uppercase and lowercase), "
                    + "numbers, underscores, and hyphens.");
        }
        Map<String, String> tags = EcsJson.readTags(req.node("tags"));
        SimCluster cluster = ecs.createCluster(name);
        cluster.tags().putAll(tags);
        ObjectNode response = EcsJson.object();
        response.set("cluster", render(cluster, true));
        return response;
    }

    ObjectNode describeClusters(EcsRequest req, long now) {
        List<String> names = req.strings("clusters");
        if (names.isEmpty()) {
            names = List.of("default");
        }
        if (names.size() > 100) {
            throw EcsError.invalidParameter("clusters can have at most 100 items.");
        }
        boolean tags = req.strings("include").contains("TAGS");
        ObjectNode response = EcsJson.object();
        ArrayNode clusters = response.putArray("clusters");
        ArrayNode failures = response.putArray("failures");
        for (String name : names) {
            ecs.cluster(name).ifPresentOrElse(c -> clusters.add(render(c, tags)), () -> failures.addObject()
                    .put("arn", name.startsWith("arn:") ? name : ecs.arns().cluster(name)).put("reason", "MISSING"));
        }
        return response;
    }

    ObjectNode listClusters(EcsRequest req, long now) {
        List<String> arns = new ArrayList<>();
        ecs.clusters().forEach(c -> arns.add(c.arn()));
        return Paging.page(req, arns, "clusterArns");
    }

    private ObjectNode render(SimCluster cluster, boolean includeTags) {
        int running = 0;
        int pending = 0;
        for (SimTask task : cluster.tasks().values()) {
            if (task.lastStatus() == LifecycleStatus.RUNNING) {
                running++;
            } else if (task.lastStatus().isStarting()) {
                pending++;
            }
        }
        ObjectNode json = EcsJson.object();
        json.put("clusterArn", cluster.arn());
        json.put("clusterName", cluster.name());
        json.put("status", "ACTIVE");
        json.put("registeredContainerInstancesCount", 0);
        json.put("runningTasksCount", running);
        json.put("pendingTasksCount", pending);
        json.put("activeServicesCount", 0);
        json.putArray("statistics");
        if (includeTags) {
            json.set("tags", EcsJson.tags(cluster.tags()));
        }
        json.putArray("settings").addObject().put("name", "containerInsights").put("value", "disabled");
        json.putArray("capacityProviders").add("FARGATE").add("FARGATE_SPOT");
        json.putArray("defaultCapacityProviderStrategy");
        return json;
    }
}
