package io.fargatereconciler.sim.ecs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** Renders a task as ECS DescribeTasks/RunTask/StopTask and the task-state-change event's detail do. */
public final class TaskJson {
    private final Arns arns;

    public TaskJson(Arns arns) {
        this.arns = arns;
    }

    public ObjectNode render(SimTask task, boolean includeTags) {
        ObjectNode json = EcsJson.object();
        ArrayNode attachments = json.putArray("attachments");
        attachments.add(attachment(task));
        json.putArray("attributes").addObject().put("name", "ecs.cpu-architecture").put("value", "x86_64");
        json.put("availabilityZone", task.subnet().availabilityZone());
        if (task.capacityProviderName() != null) {
            json.put("capacityProviderName", task.capacityProviderName());
        }
        json.put("clusterArn", task.cluster().arn());
        if (task.connectivityAt > 0) {
            json.put("connectivity", "CONNECTED");
            json.set("connectivityAt", EcsJson.timestamp(task.connectivityAt));
        }
        json.set("containers", containers(task));
        json.put("cpu", task.definition().cpu());
        json.set("createdAt", EcsJson.timestamp(task.createdAt()));
        json.put("desiredStatus", task.desiredStatus());
        json.put("enableExecuteCommand", false);
        json.putObject("ephemeralStorage").put("sizeInGiB", 20);
        timestamp(json, "executionStoppedAt", task.executionStoppedAt);
        json.put("group", task.group());
        json.put("healthStatus", "UNKNOWN");
        json.put("lastStatus", task.lastStatus().name());
        json.put("launchType", "FARGATE");
        json.put("memory", task.definition().memory());
        json.set("overrides", task.overrides() != null ? task.overrides().deepCopy() : emptyOverrides(task));
        json.put("platformVersion", "1.4.0");
        json.put("platformFamily", "Linux");
        timestamp(json, "pullStartedAt", task.pullStartedAt);
        timestamp(json, "pullStoppedAt", task.pullStoppedAt);
        timestamp(json, "startedAt", task.startedAt);
        if (task.startedBy() != null) {
            json.put("startedBy", task.startedBy());
        }
        if (task.stopCode != null) {
            json.put("stopCode", task.stopCode);
            json.put("stoppedReason", task.stoppedReason);
        }
        timestamp(json, "stoppedAt", task.stoppedAt);
        timestamp(json, "stoppingAt", task.stoppingAt);
        if (includeTags) {
            json.set("tags", EcsJson.tags(task.tags()));
        }
        json.put("taskArn", task.arn());
        json.put("taskDefinitionArn", task.definition().arn());
        json.put("version", task.version);
        return json;
    }

    private ObjectNode attachment(SimTask task) {
        ObjectNode attachment = EcsJson.object();
        attachment.put("id", task.attachmentId);
        attachment.put("type", "ElasticNetworkInterface");
        attachment.put("status", task.attachmentStatus);
        ArrayNode details = attachment.putArray("details");
        details.addObject().put("name", "subnetId").put("value", task.subnet().id());
        boolean attached = task.eniId != null && task.lastStatus() != LifecycleStatus.PROVISIONING;
        if (attached) {
            details.addObject().put("name", "networkInterfaceId").put("value", task.eniId);
            details.addObject().put("name", "macAddress").put("value", task.macAddress);
            details.addObject().put("name", "privateDnsName").put("value", privateDnsName(task));
            details.addObject().put("name", "privateIPv4Address").put("value", task.privateIp);
        }
        return attachment;
    }

    private ArrayNode containers(SimTask task) {
        ArrayNode array = EcsJson.array();
        List<SimTaskDefinition.Container> containers = task.definition().containers();
        boolean attached = task.eniId != null && task.lastStatus() != LifecycleStatus.PROVISIONING;
        for (int i = 0; i < containers.size(); i++) {
            SimTaskDefinition.Container container = containers.get(i);
            ObjectNode json = array.addObject();
            json.put("containerArn", arns.container(task.cluster().name(), task.id(), containerId(task, i)));
            json.put("taskArn", task.arn());
            json.put("name", container.name());
            json.put("image", container.image());
            json.put("lastStatus", containerStatus(task, i));
            Integer exitCode = task.exitCode(i);
            if (exitCode != null) {
                json.put("exitCode", exitCode);
            }
            if (task.containerReason != null && container.essential()) {
                json.put("reason", task.containerReason);
            }
            json.putArray("networkBindings");
            ArrayNode interfaces = json.putArray("networkInterfaces");
            if (attached) {
                interfaces.addObject().put("attachmentId", task.attachmentId).put("privateIpv4Address",
                        task.privateIp);
            }
            json.put("healthStatus", "UNKNOWN");
            json.put("cpu", "0");
        }
        return array;
    }

    private static String containerStatus(SimTask task, int index) {
        if (task.exitCode(index) != null) {
            return "STOPPED";
        }
        return switch (task.lastStatus()) {
            case PROVISIONING, PENDING, ACTIVATING -> "PENDING";
            case RUNNING, DEACTIVATING, STOPPING -> task.startedAt() > 0 ? "RUNNING" : "PENDING";
            case DEPROVISIONING, STOPPED -> "STOPPED";
        };
    }

    private static ObjectNode emptyOverrides(SimTask task) {
        ObjectNode overrides = EcsJson.object();
        ArrayNode containerOverrides = overrides.putArray("containerOverrides");
        task.definition().containers().forEach(c -> containerOverrides.addObject().put("name", c.name()));
        overrides.putArray("inferenceAcceleratorOverrides");
        return overrides;
    }

    private static String privateDnsName(SimTask task) {
        return "ip-" + task.privateIp.replace('.', '-') + ".ec2.internal";
    }

    /** A stable container id derived from the task id, so no per-container state is stored. */
    private static String containerId(SimTask task, int index) {
        return UUID.nameUUIDFromBytes((task.id() + "/" + index).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static void timestamp(ObjectNode json, String field, long millis) {
        if (millis > 0) {
            json.set(field, EcsJson.timestamp(millis));
        }
    }
}
