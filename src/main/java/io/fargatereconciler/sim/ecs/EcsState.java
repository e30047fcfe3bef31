package io.fargatereconciler.sim.ecs;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/** Clusters, task definitions and client tokens of the simulated account. Guarded by the simulation lock. */
public final class EcsState {
    private final Arns arns;
    private final Map<String, SimCluster> clusters = new LinkedHashMap<>();
    private final Map<String, NavigableMap<Integer, SimTaskDefinition>> definitions = new TreeMap<>();
    private final ClientTokens clientTokens = new ClientTokens();
    private long taskSequence;

    public EcsState(Arns arns) {
        this.arns = arns;
    }

    public Arns arns() {
        return arns;
    }

    /** Creates the cluster, or returns the existing one (CreateCluster is idempotent in ECS). */
    public SimCluster createCluster(String name) {
        return clusters.computeIfAbsent(name, n -> new SimCluster(n, arns.cluster(n)));
    }

    /** Finds a cluster by name or ARN; a null or empty reference means {@code default}. */
    public Optional<SimCluster> cluster(String nameOrArn) {
        String name = nameOrArn == null || nameOrArn.isEmpty() ? "default" : nameOrArn;
        if (arns.isArn(name, "cluster")) {
            name = Arns.resource(name);
        }
        return Optional.ofNullable(clusters.get(name));
    }

    public SimCluster requireCluster(String nameOrArn) {
        return cluster(nameOrArn).orElseThrow(EcsError::clusterNotFound);
    }

    public Collection<SimCluster> clusters() {
        return clusters.values();
    }

    public void addDefinition(SimTaskDefinition definition) {
        definitions.computeIfAbsent(definition.family(), f -> new TreeMap<>()).put(definition.revision(), definition);
    }

    public int nextRevision(String family) {
        NavigableMap<Integer, SimTaskDefinition> revisions = definitions.get(family);
        return revisions == null ? 1 : revisions.lastKey() + 1;
    }

    /** Resolves {@code family}, {@code family:revision} or a task definition ARN. */
    public Optional<SimTaskDefinition> definition(String reference) {
        String ref = reference;
        if (arns.isArn(ref, "task-definition")) {
            ref = Arns.resource(ref);
        }
        int colon = ref.lastIndexOf(':');
        String family = colon < 0 ? ref : ref.substring(0, colon);
        NavigableMap<Integer, SimTaskDefinition> revisions = definitions.get(family);
        if (revisions == null) {
            return Optional.empty();
        }
        if (colon < 0) {
            return Optional.of(revisions.lastEntry().getValue());
        }
        try {
            return Optional.ofNullable(revisions.get(Integer.parseInt(ref.substring(colon + 1))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public Map<String, NavigableMap<Integer, SimTaskDefinition>> definitions() {
        return definitions;
    }

    ClientTokens clientTokens() {
        return clientTokens;
    }

    long nextTaskSequence() {
        return taskSequence++;
    }

    /** Finds a task by ARN, or by id within {@code cluster}. */
    public Optional<SimTask> task(SimCluster cluster, String arnOrId) {
        String id = arnOrId;
        if (arns.isArn(arnOrId, "task")) {
            String resource = Arns.resource(arnOrId);
            id = resource.substring(resource.lastIndexOf('/') + 1);
        }
        return Optional.ofNullable(cluster.task(id));
    }

    /** Finds a task by ARN in whichever cluster it names. */
    public Optional<SimTask> taskByArn(String arn) {
        if (!arns.isArn(arn, "task")) {
            return Optional.empty();
        }
        String resource = Arns.resource(arn);
        int slash = resource.indexOf('/');
        return slash < 0 ? Optional.empty() : cluster(resource.substring(0, slash)).flatMap(c -> task(c, arn));
    }
}
