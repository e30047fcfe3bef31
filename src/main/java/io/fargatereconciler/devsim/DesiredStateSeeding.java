package io.fargatereconciler.devsim;

import io.fargatereconciler.desired.DesiredResource;
import io.fargatereconciler.desired.DesiredState;
import io.fargatereconciler.desired.DesiredStateChanged;
import io.fargatereconciler.desired.DesiredStateStore;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;

/**
 * Dev-mode convenience: makes the embedded simulator hold every cluster and task definition revision the desired
 * state names (CreateCluster, RegisterTaskDefinition up to the named revision), so {@code ./mvnw quarkus:dev}
 * runs any desired-state folder without a hand-written simulator seed. Its calls are retried while the simulator
 * throttles them ({@link ThrottleRetry}), so a revision above the simulator's burst of 50 calls takes a few
 * seconds rather than failing. It never stops the daemon: what it cannot create is logged and reported to the
 * store, so readiness {@code desired-state} names it. Does nothing unless the simulator is on.
 */
@ApplicationScoped
public class DesiredStateSeeding {
    private static final Logger LOG = Logger.getLogger(DesiredStateSeeding.class);
    /** About 50 s of calls at the simulator's published rate of 20 a second. */
    static final int MOST_REVISIONS = 1000;

    private final Instance<EmbeddedSimulator> simulator;
    private final Instance<EcsClient> ecs;
    private final DesiredStateStore store;
    private final InstantSource clock;

    @Inject
    public DesiredStateSeeding(Instance<EmbeddedSimulator> simulator, Instance<EcsClient> ecs, DesiredStateStore store,
                               InstantSource clock) {
        this.simulator = simulator;
        this.ecs = ecs;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Before the loop is told of the change (lower priority runs first), so the pass it triggers finds them. This
     * also runs for the first load, during start-up.
     */
    void onChange(@Observes @Priority(1) DesiredStateChanged changed) {
        if (!simulator.isResolvable()) {
            return;
        }
        List<String> missing = seed(changed.current());
        if (!missing.isEmpty()) {
            String failure = "the embedded simulator lacks " + String.join("; ", missing);
            LOG.warnf("simulator: gave up seeding revision %s of the desired state: %s. The daemon runs on and "
                    + "readiness desired-state names these until a new revision takes force; groups that need them "
                    + "fail to launch. Restart to seed again; a ThrottlingException means the simulator's limits "
                    + "(faults.throttling in reconciler.simulator.config) are too low", changed.revision(), failure);
            store.reportApplyFailure(changed.revision(), failure);
        }
    }

    /** Creates what is missing; returns what could not be created, each with the reason. */
    private List<String> seed(DesiredState desired) {
        EcsClient client = ecs.get();
        ThrottleRetry calls = new ThrottleRetry(clock);
        Set<String> clusters = desired.resources().values().stream()
                .map(resource -> nameOf(resource.task().cluster())).collect(Collectors.toCollection(TreeSet::new));
        List<String> missing = new ArrayList<>(ensureClusters(client, calls, clusters));
        for (TaskDefinitionWanted wanted : TaskDefinitionWanted.of(desired)) {
            ensureTaskDefinition(client, calls, wanted).ifPresent(missing::add);
        }
        return missing;
    }

    private static List<String> ensureClusters(EcsClient client, ThrottleRetry calls, Set<String> clusters) {
        if (clusters.isEmpty()) {
            return List.of();
        }
        Set<String> active;
        try {
            active = calls.call(() -> client.describeClusters(r -> r.clusters(clusters))).clusters().stream()
                    .filter(c -> "ACTIVE".equals(c.status())).map(Cluster::clusterName).collect(Collectors.toSet());
        } catch (RuntimeException e) {
            return List.of("clusters " + String.join(", ", clusters) + " (could not be listed: " + reason(e) + ")");
        }
        List<String> missing = new ArrayList<>();
        for (String cluster : clusters) {
            if (active.contains(cluster)) {
                continue;
            }
            try {
                calls.call(() -> client.createCluster(r -> r.clusterName(cluster)));
                LOG.infof("simulator: created cluster %s", cluster);
            } catch (RuntimeException e) {
                missing.add("cluster " + cluster + " (" + reason(e) + ")");
            }
        }
        return missing;
    }

    /** Registers revisions of the family until the named one exists; empty when it does, else what is missing. */
    private static Optional<String> ensureTaskDefinition(EcsClient client, ThrottleRetry calls,
                                                         TaskDefinitionWanted wanted) {
        if (wanted.target() > MOST_REVISIONS) {
            return Optional.of("task definition " + wanted + " (dev mode registers at most " + MOST_REVISIONS
                    + " revisions of a family; name a lower revision, or list the task definition with its revision"
                    + " under taskDefinitions in a simulator config file, reconciler.simulator.config)");
        }
        int before = 0;
        int latest = 0;
        int retriedBefore = calls.retried();
        try {
            before = latestRevision(client, calls, wanted.family());
            latest = before;
            if (latest >= wanted.target()) {
                return revisionExists(client, calls, wanted, latest) ? Optional.empty() : Optional.of("task definition "
                        + wanted + " (the family is already at revision " + latest + " and revisions only grow)");
            }
            while (latest < wanted.target()) {
                latest = register(client, calls, wanted);
            }
            LOG.infof("simulator: task definition family %s: registered revisions %d to %d for %s (%d calls "
                    + "throttled and retried)", wanted.family(), before + 1, latest, wanted, calls.retried() - retriedBefore);
            return Optional.empty();
        } catch (RuntimeException e) {
            String registered = latest > before ? "registered revisions " + (before + 1) + " to " + latest
                    : "registered none";
            LOG.warnf("simulator: task definition family %s: %s for %s, then gave up: %s", wanted.family(),
                    registered, wanted, reason(e));
            return Optional.of("task definition " + wanted + " (the family has " + (latest == 0 ? "no revision"
                    : "revisions up to " + latest) + ": " + reason(e) + ")");
        }
    }

    /** The family's latest revision, 0 when it has none. */
    private static int latestRevision(EcsClient client, ThrottleRetry calls, String family) {
        try {
            return calls.call(() -> client.describeTaskDefinition(r -> r.taskDefinition(family))).taskDefinition()
                    .revision();
        } catch (ClientException noSuchFamily) {
            return 0;
        }
    }

    private static boolean revisionExists(EcsClient client, ThrottleRetry calls, TaskDefinitionWanted wanted,
                                          int latest) {
        if (wanted.anyRevision() || latest == wanted.target()) {
            return true;
        }
        try {
            calls.call(() -> client.describeTaskDefinition(r -> r.taskDefinition(wanted.toString())));
            return true;
        } catch (ClientException noSuchRevision) {
            return false;
        }
    }

    private static int register(EcsClient client, ThrottleRetry calls, TaskDefinitionWanted wanted) {
        List<ContainerDefinition> containers = wanted.containers().stream().map(name -> ContainerDefinition.builder()
                .name(name).image("public.ecr.aws/docker/library/busybox:latest").essential(true).build()).toList();
        return calls.call(() -> client.registerTaskDefinition(r -> r.family(wanted.family())
                .requiresCompatibilities(Compatibility.FARGATE).networkMode("awsvpc").cpu("256").memory("512")
                .containerDefinitions(containers))).taskDefinition().revision();
    }

    private static String reason(RuntimeException e) {
        return e instanceof SdkServiceException refused ? ThrottleRetry.describe(refused) : e.getMessage();
    }

    /** The last path element of an ARN (cluster/NAME, task-definition/NAME:REV), or the name itself. */
    static String nameOf(String nameOrArn) {
        return nameOrArn.startsWith("arn:") ? nameOrArn.substring(nameOrArn.lastIndexOf('/') + 1) : nameOrArn;
    }

    /** The containers the resource's overrides name (they must exist in the task definition). */
    static List<String> containerNames(DesiredResource resource) {
        return resource.task().overrides().containers().stream().map(c -> c.name()).distinct().toList();
    }
}
