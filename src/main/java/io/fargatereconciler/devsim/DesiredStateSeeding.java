package io.fargatereconciler.devsim;

import io.fargatereconciler.desired.DesiredResource;
import io.fargatereconciler.desired.DesiredState;
import io.fargatereconciler.desired.DesiredStateChanged;
import io.fargatereconciler.desired.DesiredStateStore;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.EcsException;

/**
 * Dev-mode convenience: makes the embedded simulator hold every cluster and task definition revision the desired
 * state names (CreateCluster, RegisterTaskDefinition up to the named revision), so {@code ./mvnw quarkus:dev}
 * runs any desired-state folder without a hand-written simulator seed. Does nothing unless the simulator is on.
 */
@ApplicationScoped
public class DesiredStateSeeding {
    private static final Logger LOG = Logger.getLogger(DesiredStateSeeding.class);

    private final Instance<EmbeddedSimulator> simulator;
    private final Instance<EcsClient> ecs;
    private final DesiredStateStore store;

    @Inject
    public DesiredStateSeeding(Instance<EmbeddedSimulator> simulator, Instance<EcsClient> ecs, DesiredStateStore store) {
        this.simulator = simulator;
        this.ecs = ecs;
        this.store = store;
    }

    /** Before the loop starts (lower priority runs first), so its first pass finds the clusters. */
    void onStart(@Observes @Priority(1) StartupEvent event) {
        store.current().ifPresent(this::seed);
    }

    /** Before the loop is told of the change (lower priority runs first), so the pass it triggers finds them. */
    void onChange(@Observes @Priority(1) DesiredStateChanged changed) {
        seed(changed.current());
    }

    private void seed(DesiredState desired) {
        if (!simulator.isResolvable()) {
            return;
        }
        EcsClient client = ecs.get();
        Set<String> clusters = new TreeSet<>();
        for (DesiredResource resource : desired.resources().values()) {
            clusters.add(nameOf(resource.task().cluster()));
            ensureTaskDefinition(client, resource.task().taskDefinition(), containerNames(resource));
        }
        clusters.forEach(cluster -> ensureCluster(client, cluster));
    }

    private static void ensureCluster(EcsClient client, String cluster) {
        boolean exists = client.describeClusters(r -> r.clusters(cluster)).clusters().stream()
                .anyMatch(c -> "ACTIVE".equals(c.status()));
        if (!exists) {
            client.createCluster(r -> r.clusterName(cluster));
            LOG.infof("simulator: created cluster %s", cluster);
        }
    }

    /** Registers revisions of the family until the named one exists (a bare family needs any revision). */
    private static void ensureTaskDefinition(EcsClient client, String reference, List<String> containers) {
        String familyAndRevision = nameOf(reference);
        int colon = familyAndRevision.lastIndexOf(':');
        String family = colon < 0 ? familyAndRevision : familyAndRevision.substring(0, colon);
        int wanted = colon < 0 ? 1 : Integer.parseInt(familyAndRevision.substring(colon + 1));
        if (colon < 0 ? familyExists(client, family) : revisionExists(client, familyAndRevision)) {
            return;
        }
        int registered = 0;
        while (registered < wanted) {
            registered = client.registerTaskDefinition(r -> r.family(family)
                    .requiresCompatibilities(Compatibility.FARGATE).networkMode("awsvpc").cpu("256").memory("512")
                    .containerDefinitions(containers.stream().map(name -> ContainerDefinition.builder().name(name)
                            .image("public.ecr.aws/docker/library/busybox:latest").essential(true).build()).toList()))
                    .taskDefinition().revision();
        }
        LOG.infof("simulator: registered task definition %s:%d", family, registered);
    }

    private static boolean revisionExists(EcsClient client, String familyAndRevision) {
        try {
            client.describeTaskDefinition(r -> r.taskDefinition(familyAndRevision));
            return true;
        } catch (EcsException notThere) {
            return false;
        }
    }

    private static boolean familyExists(EcsClient client, String family) {
        return client.listTaskDefinitions(r -> r.familyPrefix(family)).taskDefinitionArns().stream()
                .anyMatch(arn -> arn.substring(arn.lastIndexOf('/') + 1).startsWith(family + ":"));
    }

    /** The containers the resource's overrides name (they must exist in the task definition), or one "app". */
    private static List<String> containerNames(DesiredResource resource) {
        List<String> names = resource.task().overrides().containers().stream().map(c -> c.name()).distinct().toList();
        return names.isEmpty() ? List.of("app") : names;
    }

    /** The last path element of an ARN (cluster/NAME, task-definition/NAME:REV), or the name itself. */
    private static String nameOf(String nameOrArn) {
        return nameOrArn.startsWith("arn:") ? nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1) : nameOrArn;
    }
}
