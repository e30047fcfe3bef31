package io.fargatereconciler.sim.ecs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fargatereconciler.sim.world.Simulation;
import java.util.List;
import java.util.Map;

/** ListTasks, DescribeTasks and StopTask. */
final class TaskOperations {
    private final Simulation sim;

    TaskOperations(Simulation sim) {
        this.sim = sim;
    }

    ObjectNode listTasks(EcsRequest req, long now) {
        SimCluster cluster = sim.ecs().requireCluster(req.string("cluster"));
        int pageSize = Paging.pageSize(req);
        String startedBy = req.string("startedBy");
        String family = req.string("family");
        String desired = req.string("desiredStatus");
        String launchType = req.string("launchType");
        boolean otherFilters = family != null || desired != null || launchType != null || req.has("serviceName")
                || req.has("containerInstance");
        if (startedBy != null && otherFilters) {
            throw EcsError.invalidParameter("cannot specify startedBy with other arguments");
        }
        desired = desired == null ? "RUNNING" : desired;
        if (!desired.equals("RUNNING") && !desired.equals("PENDING") && !desired.equals("STOPPED")) {
            throw EcsError.invalidParameter("desiredStatus must be one of RUNNING, PENDING, STOPPED.");
        }
        boolean wantStopped = desired.equals("STOPPED");
        boolean matchesNothing = desired.equals("PENDING") || req.has("serviceName")
                || req.has("containerInstance") || (launchType != null && !launchType.equals("FARGATE"));
        long after = Paging.decode(req.string("nextToken"));
        ObjectNode response = EcsJson.object();
        ArrayNode arns = response.putArray("taskArns");
        if (matchesNothing) {
            return response;
        }
        long lastReturned = after;
        for (Map.Entry<Long, SimTask> entry : cluster.tasks().tailMap(after, false).entrySet()) {
            SimTask task = entry.getValue();
            if (task.listableAt() > now || task.desiredStopped() != wantStopped
                    || (family != null && !family.equals(task.definition().family()))
                    || (startedBy != null && !startedBy.equals(task.startedBy()))) {
                continue;
            }
            if (arns.size() == pageSize) {
                response.put("nextToken", Paging.encode(lastReturned));
                break;
            }
            arns.add(task.arn());
            lastReturned = entry.getKey();
        }
        return response;
    }

    ObjectNode describeTasks(EcsRequest req, long now) {
        SimCluster cluster = sim.ecs().requireCluster(req.string("cluster"));
        List<String> references = req.strings("tasks");
        if (references.isEmpty()) {
            throw EcsError.invalidParameter("Tasks cannot be empty.");
        }
        if (references.size() > 100) {
            throw EcsError.invalidParameter("Tasks cannot have more than 100 elements.");
        }
        boolean includeTags = req.strings("include").contains("TAGS");
        ObjectNode response = EcsJson.object();
        ArrayNode tasks = response.putArray("tasks");
        ArrayNode failures = response.putArray("failures");
        for (String reference : references) {
            sim.ecs().task(cluster, reference).ifPresentOrElse(
                    task -> tasks.add(sim.taskJson().render(task, includeTags)),
                    () -> failures.addObject().put("arn", reference).put("reason", "MISSING"));
        }
        return response;
    }

    ObjectNode stopTask(EcsRequest req, long now) {
        SimCluster cluster = sim.ecs().requireCluster(req.string("cluster"));
        String reference = req.requiredString("task");
        String reason = req.string("reason");
        if (reason != null && reason.length() > 255) {
            throw EcsError.invalidParameter("reason must be at most 255 characters.");
        }
        SimTask task = sim.ecs().task(cluster, reference)
                .orElseThrow(() -> EcsError.invalidParameter("The referenced task was not found."));
        sim.lifecycle().stop(task, now, reason);
        ObjectNode response = EcsJson.object();
        response.set("task", sim.taskJson().render(task, false));
        return response;
    }
}
