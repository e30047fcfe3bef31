package io.fargatereconciler.devsim;

import io.fargatereconciler.desired.DesiredResource;
import io.fargatereconciler.desired.DesiredState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A task definition family the desired state names, with the highest revision any resource names ({@link #ANY}
 * when they all name the bare family) and the containers their overrides name (one "app" when none does).
 */
record TaskDefinitionWanted(String family, long revision, Set<String> containers) {
    static final long ANY = 0;

    TaskDefinitionWanted {
        if (family.isBlank() || revision < ANY || containers.isEmpty()) {
            throw new IllegalArgumentException("a wanted task definition needs a family, a revision >= 0 and a "
                    + "container; got '" + family + "', " + revision + ", " + containers);
        }
        containers = Set.copyOf(containers);
    }

    /** One per family the resources of {@code desired} name, sorted by family. */
    static List<TaskDefinitionWanted> of(DesiredState desired) {
        Map<String, Long> revisions = new TreeMap<>();
        Map<String, Set<String>> containers = new TreeMap<>();
        for (DesiredResource resource : desired.resources().values()) {
            String familyAndRevision = DesiredStateSeeding.nameOf(resource.task().taskDefinition());
            int colon = familyAndRevision.lastIndexOf(':');
            String family = colon < 0 ? familyAndRevision : familyAndRevision.substring(0, colon);
            long revision = colon < 0 ? ANY : Long.parseLong(familyAndRevision.substring(colon + 1));
            revisions.merge(family, revision, Math::max);
            containers.computeIfAbsent(family, f -> new TreeSet<>()).addAll(DesiredStateSeeding.containerNames(resource));
        }
        List<TaskDefinitionWanted> wanted = new ArrayList<>();
        revisions.forEach((family, revision) -> wanted.add(new TaskDefinitionWanted(family, revision,
                containers.get(family).isEmpty() ? Set.of("app") : containers.get(family))));
        return wanted;
    }

    /** True when any revision of the family will do (no resource names one). */
    boolean anyRevision() {
        return revision == ANY;
    }

    /** The revision the family must reach: the named one, or 1 for any. */
    long target() {
        return Math.max(revision, 1);
    }

    /** {@code family:revision} as ECS names it, or the bare family when any revision will do. */
    @Override
    public String toString() {
        return anyRevision() ? family : family + ":" + revision;
    }
}
