package io.fargatereconciler.desired;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a team's TaskGroups and Jobs may use. A list left out allows nothing of its kind: no topic but the daemon's
 * default one, no security group (a resource must then leave {@code securityGroups} out), no role to pass.
 * {@code clusters} entries are names or ARNs, as {@code reconciler.desired-state.allowed-clusters}; the quotas are
 * null when not set (no limit).
 *
 * @param clusters               ECS clusters (names or ARNs)
 * @param taskDefinitionFamilies task definition families, any revision
 * @param subnets                subnet ids
 * @param securityGroups         security group ids
 * @param topics                 SNS topic ARNs for {@code notifications.topicArn}
 * @param passRoles              task and execution role ARNs the team's task definitions carry (iam:PassRole)
 * @param maxReplicasPerGroup    the most {@code replicas} one TaskGroup may ask for
 * @param maxTasks               the most tasks the team may declare: its TaskGroups' replicas plus one per Job
 */
public record TeamAllowance(Set<String> clusters, Set<String> taskDefinitionFamilies, Set<String> subnets,
                            Set<String> securityGroups, Set<String> topics, Set<String> passRoles,
                            Integer maxReplicasPerGroup, Integer maxTasks) {
    public TeamAllowance {
        clusters = sorted(clusters);
        taskDefinitionFamilies = sorted(taskDefinitionFamilies);
        subnets = sorted(subnets);
        securityGroups = sorted(securityGroups);
        topics = sorted(topics);
        passRoles = sorted(passRoles);
        if ((maxReplicasPerGroup != null && maxReplicasPerGroup < 0) || (maxTasks != null && maxTasks < 0)) {
            throw new IllegalArgumentException("quotas must not be negative");
        }
    }

    private static Set<String> sorted(Set<String> values) {
        return values == null ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(values));
    }
}
