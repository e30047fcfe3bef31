package io.fargatereconciler.desired;

import java.util.Set;
import java.util.TreeSet;

/**
 * A list of clusters a resource may name ({@code reconciler.desired-state.allowed-clusters}, a Team's
 * {@code clusters}). An entry that is a name allows that name and every cluster ARN ending in {@code :cluster/NAME};
 * an entry that is an ARN allows exactly that ARN and the bare name of its cluster (ECS resolves a bare name in the
 * daemon's own account and region, and the task role's policy names the ARN).
 */
public record AllowedClusters(Set<String> entries) {
    public static final AllowedClusters ANY = new AllowedClusters(Set.of());

    public AllowedClusters {
        entries = Set.copyOf(entries);
    }

    /** Empty means any cluster. */
    public boolean allowsAny() {
        return entries.isEmpty();
    }

    public boolean allows(String cluster) {
        return allowsAny() || entries.contains(cluster) || entries.contains(nameOf(cluster))
                || (!isArn(cluster) && entries.stream().filter(AllowedClusters::isArn)
                        .anyMatch(entry -> nameOf(entry).equals(cluster)));
    }

    /** The entries, sorted and comma-separated, for messages. */
    public String describe() {
        return String.join(", ", new TreeSet<>(entries));
    }

    /** The name at the end of a cluster ARN, or the value itself when it is a name. */
    public static String nameOf(String cluster) {
        return isArn(cluster) ? cluster.substring(cluster.indexOf(":cluster/") + ":cluster/".length()) : cluster;
    }

    private static boolean isArn(String value) {
        return value.startsWith("arn:") && value.contains(":cluster/");
    }
}
