package io.fargatereconciler.aws;

import io.fargatereconciler.desired.Kind;
import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.observe.ContainerExit;
import io.fargatereconciler.observe.ObservedTask;
import io.fargatereconciler.observe.StopClassifier;
import io.fargatereconciler.observe.StopCause;
import io.fargatereconciler.observe.TaskStatus;
import io.fargatereconciler.plan.Ownership;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.Attachment;
import software.amazon.awssdk.services.ecs.model.Container;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;

/** Translates an SDK {@link Task} into our {@link ObservedTask}. */
final class EcsTaskMapper {
    private EcsTaskMapper() {
    }

    static ObservedTask toObservedTask(String cluster, Task task) {
        Map<String, String> tags = tagsOf(task);
        TaskStatus lastStatus = TaskStatus.parse(task.lastStatus());
        boolean essentialExit = "EssentialContainerExited".equals(task.stopCodeAsString());
        List<ContainerExit> containers = task.containers().stream()
                .map(container -> toContainerExit(container, essentialExit))
                .toList();
        StopCause cause = lastStatus == TaskStatus.STOPPED || task.stoppedReason() != null
                ? StopClassifier.classify(task.stopCodeAsString(), task.stoppedReason(), containers)
                : null;
        return new ObservedTask(task.taskArn(), cluster, groupOf(tags), tags.get(Ownership.SPEC_HASH_TAG),
                task.startedBy(), lastStatus, task.desiredStatus() == null ? null : TaskStatus.parse(task.desiredStatus()),
                task.createdAt(), task.startedAt(), task.stoppedAt(), subnetOf(task), task.stopCodeAsString(),
                task.stoppedReason(), cause, containers, tags, task.connectivityAt());
    }

    /**
     * DescribeTasks does not say which containers are essential (the task definition does). When the task stopped
     * because an essential container exited, a container with an exit code is taken as essential.
     */
    private static ContainerExit toContainerExit(Container container, boolean essentialExit) {
        return new ContainerExit(container.name(), essentialExit && container.exitCode() != null,
                container.exitCode(), container.reason());
    }

    /** The group named by our tag ({@code TaskGroup/api}), or null when the tag is absent or unreadable. */
    static ResourceKey groupOf(Map<String, String> tags) {
        String value = tags.get(Ownership.GROUP_TAG);
        if (value == null) {
            return null;
        }
        int slash = value.indexOf('/');
        if (slash <= 0 || slash == value.length() - 1) {
            return null;
        }
        try {
            return new ResourceKey(Kind.valueOf(value.substring(0, slash)), value.substring(slash + 1));
        } catch (IllegalArgumentException unknownKind) {
            return null;
        }
    }

    private static Map<String, String> tagsOf(Task task) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (Tag tag : task.tags()) {
            if (tag.key() != null && tag.value() != null) {
                tags.put(tag.key(), tag.value());
            }
        }
        return tags;
    }

    private static String subnetOf(Task task) {
        for (Attachment attachment : task.attachments()) {
            if ("ElasticNetworkInterface".equals(attachment.type())) {
                for (KeyValuePair detail : attachment.details()) {
                    if ("subnetId".equals(detail.name())) {
                        return detail.value();
                    }
                }
            }
        }
        return null;
    }
}
