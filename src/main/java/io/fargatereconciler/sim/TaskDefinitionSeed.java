package io.fargatereconciler.sim;

import java.util.List;
import java.util.Objects;

/**
 * A task definition registered when the simulator starts (FARGATE-compatible, awsvpc).
 *
 * @param family     the family name
 * @param revision   the revision to register (default 1; a higher one stands as if older ones were deregistered)
 * @param cpu        task CPU units as ECS writes them, e.g. {@code "256"}
 * @param memory     task memory in MiB, e.g. {@code "512"}
 * @param containers at least one container
 * @param taskRoleArn      the task's role (null: none)
 * @param executionRoleArn the role ECS pulls the image and writes logs with (null: none)
 */
public record TaskDefinitionSeed(String family, Integer revision, String cpu, String memory, List<ContainerSeed> containers,
                                 String taskRoleArn, String executionRoleArn) {
    public TaskDefinitionSeed {
        Objects.requireNonNull(family, "taskDefinitions[].family is required");
        revision = revision == null ? 1 : revision;
        if (revision < 1) {
            throw new IllegalArgumentException("taskDefinitions[" + family + "].revision: must be >= 1");
        }
        cpu = cpu == null ? "256" : cpu;
        memory = memory == null ? "512" : memory;
        containers = containers == null || containers.isEmpty()
                ? List.of(new ContainerSeed("app", "public.ecr.aws/docker/library/busybox:latest", true))
                : List.copyOf(containers);
    }

    /** A task definition without roles. */
    public TaskDefinitionSeed(String family, Integer revision, String cpu, String memory, List<ContainerSeed> containers) {
        this(family, revision, cpu, memory, containers, null, null);
    }

    /** A one-container task definition. */
    public static TaskDefinitionSeed of(String family, String containerName, String image) {
        return new TaskDefinitionSeed(family, null, null, null,
                List.of(new ContainerSeed(containerName, image, true)));
    }

    /** One container of a seeded task definition. */
    public record ContainerSeed(String name, String image, Boolean essential) {
        public ContainerSeed {
            Objects.requireNonNull(name, "taskDefinitions[].containers[].name is required");
            Objects.requireNonNull(image, "taskDefinitions[].containers[].image is required (container " + name + ")");
            essential = essential == null || essential;
        }
    }
}
