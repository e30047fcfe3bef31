package io.fargatereconciler.sim.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fargatereconciler.sim.ec2.SimSubnet;
import io.fargatereconciler.sim.faults.ThrottleCategory;
import io.fargatereconciler.sim.world.Simulation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RunTask with ECS's validation and limits, client-token idempotency, the Fargate task-launch bucket, capacity
 * failures and a seeded random subnet pick among the request's subnets.
 */
final class RunTaskOperation {
    static final String CAPACITY_UNAVAILABLE =
            "Capacity is unavailable at this time. Please try again later or in a different availability zone";
    static final String NO_CONTAINER_INSTANCES = "No Container Instances were found in your cluster.";

    private final Simulation sim;
    private final LaunchPlanner planner;

    RunTaskOperation(Simulation sim) {
        this.sim = sim;
        this.planner = new LaunchPlanner(sim);
    }

    ObjectNode runTask(EcsRequest req, long now) {
        int count = req.integer("count") == null ? 1 : req.integer("count");
        if (count < 1 || count > 10) {
            throw EcsError.invalidParameter("count must be between 1 and 10.");
        }
        String startedBy = req.string("startedBy");
        if (startedBy != null && startedBy.length() > 128) {
            throw EcsError.invalidParameter("startedBy must be at most 128 characters.");
        }
        String clientToken = req.string("clientToken");
        if (clientToken != null && (clientToken.isEmpty() || clientToken.length() > 64)) {
            throw EcsError.invalidParameter("clientToken must be between 1 and 64 characters.");
        }
        Map<String, String> tags = EcsJson.readTags(req.node("tags"));
        SimCluster cluster = sim.ecs().requireCluster(req.string("cluster"));
        SimTaskDefinition definition = sim.ecs().definition(req.requiredString("taskDefinition"))
                .orElseThrow(() -> EcsError.invalidParameter("TaskDefinition not found."));
        if (clientToken != null) {
            ObjectNode parameters = withoutToken(req);
            var earlier = sim.ecs().clientTokens().find(cluster.name(), clientToken, now);
            if (earlier.isPresent()) {
                if (!earlier.get().parameters().equals(parameters)) {
                    throw EcsError.conflict("The clientToken '" + clientToken
                            + "' was already used with different parameters.",
                            earlier.get().tasks().stream().map(SimTask::arn).toList());
                }
                return response(earlier.get().tasks(), earlier.get().failures(), !tags.isEmpty());
            }
        }
        String capacityProvider = capacityProvider(req);
        if (capacityProvider == null) {
            List<JsonNode> failures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                failures.add(EcsJson.object().put("reason", NO_CONTAINER_INSTANCES));
            }
            return response(List.of(), failures, false);
        }
        if (!definition.fargateCompatible()) {
            throw EcsError.invalidParameter("Task definition does not support launch_type FARGATE.");
        }
        List<SimSubnet> subnets = subnets(req);
        if (!sim.faults().throttler().tryAcquire(List.of(ThrottleCategory.FARGATE_TASK_LAUNCH), count, now)) {
            sim.calls().throttled("ecs:RunTask"); // counted like a call throttled by its own buckets
            throw EcsError.throttling();
        }
        return launch(req, now, count, cluster, definition, subnets, capacityProvider, tags, clientToken);
    }

    private ObjectNode launch(EcsRequest req, long now, int count, SimCluster cluster, SimTaskDefinition definition,
                              List<SimSubnet> subnets, String capacityProvider, Map<String, String> requestTags,
                              String clientToken) {
        Map<String, String> tags = new LinkedHashMap<>();
        if ("TASK_DEFINITION".equals(req.string("propagateTags"))) {
            tags.putAll(definition.tags());
        }
        tags.putAll(requestTags);
        List<SimSubnet> withCapacity = planner.subnetsWithCapacity(subnets);
        String group = req.string("group") != null ? req.string("group") : "family:" + definition.family();
        long listableAt = now + sim.faults().model().api().listTasksLag().toMillis();
        List<SimTask> tasks = new ArrayList<>();
        List<JsonNode> failures = new ArrayList<>();
        int doomed = 0;
        for (int i = 0; i < count; i++) {
            if (withCapacity.isEmpty()) {
                failures.add(EcsJson.object().put("arn", cluster.arn()).put("reason", CAPACITY_UNAVAILABLE));
                continue;
            }
            SimSubnet subnet = withCapacity.get(sim.random().nextInt(withCapacity.size()));
            String id = sim.ids().taskId();
            SimTask task = new SimTask(sim.ecs().nextTaskSequence(), id, sim.arns().task(cluster.name(), id), cluster,
                    definition, req.string("startedBy"), group, req.node("overrides"),
                    req.string("launchType") == null ? capacityProvider : null, subnet, now, listableAt, tags);
            LaunchPlan plan = planner.plan(subnet, definition, now);
            doomed += plan.doomed() ? 1 : 0;
            cluster.add(task);
            sim.lifecycle().launch(task, plan, now);
            tasks.add(task);
        }
        sim.calls().runTask(tasks.size(), doomed, failures.size());
        if (clientToken != null) {
            sim.ecs().clientTokens().remember(cluster.name(), clientToken,
                    new ClientTokens.Entry(withoutToken(req), List.copyOf(tasks), List.copyOf(failures), now));
        }
        return response(tasks, failures, !tags.isEmpty());
    }

    private ObjectNode response(List<SimTask> tasks, List<JsonNode> failures, boolean includeTags) {
        ObjectNode response = EcsJson.object();
        ArrayNode taskArray = response.putArray("tasks");
        tasks.forEach(task -> taskArray.add(sim.taskJson().render(task, includeTags)));
        ArrayNode failureArray = response.putArray("failures");
        failures.forEach(failureArray::add);
        return response;
    }

    /** FARGATE or FARGATE_SPOT, or null when the task would need EC2 container instances. */
    private static String capacityProvider(EcsRequest req) {
        String launchType = req.string("launchType");
        JsonNode strategy = req.node("capacityProviderStrategy");
        boolean hasStrategy = strategy != null && strategy.isArray() && !strategy.isEmpty();
        if (launchType != null && hasStrategy) {
            throw EcsError.invalidParameter(
                    "Specifying both a launch type and capacity provider strategy is not supported.");
        }
        if (hasStrategy) {
            String best = null;
            int bestWeight = -1;
            for (JsonNode item : strategy) {
                String provider = item.path("capacityProvider").asText("");
                if (!provider.equals("FARGATE") && !provider.equals("FARGATE_SPOT")) {
                    throw EcsError.invalidParameter("The specified capacity provider strategy cannot contain a "
                            + "capacity provider that is not associated with the cluster.");
                }
                int weight = item.path("weight").asInt(0) + 1000 * item.path("base").asInt(0);
                if (weight > bestWeight) {
                    best = provider;
                    bestWeight = weight;
                }
            }
            return best;
        }
        if (launchType == null || launchType.equals("EC2") || launchType.equals("EXTERNAL")) {
            return null;
        }
        if (!launchType.equals("FARGATE")) {
            throw EcsError.invalidParameter("launchType must be one of EC2, FARGATE, EXTERNAL.");
        }
        return "FARGATE";
    }

    private List<SimSubnet> subnets(EcsRequest req) {
        JsonNode vpc = req.body().path("networkConfiguration").path("awsvpcConfiguration");
        if (vpc.isMissingNode() || vpc.isNull()) {
            throw EcsError.invalidParameter(
                    "Network Configuration must be provided when networkMode 'awsvpc' is specified.");
        }
        JsonNode ids = vpc.path("subnets");
        if (!ids.isArray() || ids.isEmpty()) {
            throw EcsError.invalidParameter("subnets can not be empty.");
        }
        if (ids.size() > 16) {
            throw EcsError.invalidParameter("subnets can have at most 16 items.");
        }
        List<SimSubnet> subnets = new ArrayList<>();
        for (JsonNode id : ids) {
            String subnetId = id.asText();
            subnets.add(sim.ec2().subnet(subnetId).orElseThrow(() -> EcsError.invalidParameter(
                    "Error retrieving subnet information for [" + subnetId + "]: The subnet ID '" + subnetId
                            + "' does not exist (ErrorCode: InvalidSubnetID.NotFound)")));
        }
        return subnets;
    }

    private static ObjectNode withoutToken(EcsRequest req) {
        ObjectNode parameters = req.body().deepCopy();
        parameters.remove("clientToken");
        return parameters;
    }
}
