package io.fargatereconciler.desired;

import io.fargatereconciler.desired.mapping.MappedDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks a team's TaskGroups and Jobs against its {@link TeamAllowance}: every cluster, task definition family,
 * subnet, security group and topic they name must be allowed, no TaskGroup may ask for more replicas than
 * {@code maxReplicasPerGroup}, and the team may declare at most {@code maxTasks} tasks (its TaskGroups' replicas plus
 * one per Job). Each error points at the value that breaks the rule and names the rule.
 */
final class TeamRules {
    private TeamRules() {
    }

    static List<ValidationError> check(Team team, List<MappedDocument> documents) {
        List<ValidationError> errors = new ArrayList<>();
        TeamAllowance allowance = team.allowance();
        int tasks = 0;
        for (MappedDocument document : documents) {
            int before = tasks;
            NamedValue counted = new NamedValue(NamedValue.What.REPLICAS, "1", "metadata.name", document.nameAt());
            if (document.key().kind() == Kind.Job) {
                tasks++;
            }
            for (NamedValue value : document.values()) {
                switch (value.what()) {
                    case CLUSTER -> {
                        if (!new AllowedClusters(allowance.clusters()).allows(value.value())) {
                            errors.add(outside(value, "cluster " + value.value(), team, "clusters",
                                    allowance.clusters()));
                        }
                    }
                    case TASK_DEFINITION -> {
                        String family = familyOf(value.value());
                        if (!allowance.taskDefinitionFamilies().contains(family)) {
                            errors.add(outside(value, "task definition family " + family, team,
                                    "taskDefinitionFamilies", allowance.taskDefinitionFamilies()));
                        }
                    }
                    case SUBNET -> {
                        if (!allowance.subnets().contains(value.value())) {
                            errors.add(outside(value, "subnet " + value.value(), team, "subnets", allowance.subnets()));
                        }
                    }
                    case SECURITY_GROUP -> {
                        if (!allowance.securityGroups().contains(value.value())) {
                            errors.add(outside(value, "security group " + value.value(), team, "securityGroups",
                                    allowance.securityGroups()));
                        }
                    }
                    case TOPIC -> {
                        if (!allowance.topics().contains(value.value())) {
                            errors.add(outside(value, "topic " + value.value(), team, "topics", allowance.topics()));
                        }
                    }
                    case REPLICAS -> {
                        int replicas = Integer.parseInt(value.value());
                        if (allowance.maxReplicasPerGroup() != null && replicas > allowance.maxReplicasPerGroup()) {
                            errors.add(value.error("replicas " + replicas + " is over team " + team.name()
                                    + "'s quota of " + allowance.maxReplicasPerGroup() + " per TaskGroup"
                                    + rule(team, "quotas.maxReplicasPerGroup")));
                        }
                        tasks += replicas;
                        counted = value;
                    }
                    case ROLE -> { }
                }
            }
            if (allowance.maxTasks() != null && tasks > allowance.maxTasks() && before <= allowance.maxTasks()) {
                errors.add(counted.error("brings team " + team.name() + " to " + tasks + " declared tasks"
                        + " (TaskGroups' replicas plus one per Job, in file order), over its quota of "
                        + allowance.maxTasks() + rule(team, "quotas.maxTasks")));
            }
        }
        return errors;
    }

    /** The family of {@code api}, {@code api:42} or a task definition ARN. */
    static String familyOf(String taskDefinition) {
        String name = taskDefinition.startsWith("arn:")
                ? taskDefinition.substring(taskDefinition.indexOf("task-definition/") + "task-definition/".length())
                : taskDefinition;
        int colon = name.indexOf(':');
        return colon < 0 ? name : name.substring(0, colon);
    }

    private static ValidationError outside(NamedValue value, String what, Team team, String list, Set<String> allowed) {
        return value.error(what + " is outside team " + team.name() + "'s allowance" + rule(team, list) + ": "
                + (allowed.isEmpty() ? "it allows none" : "it allows " + String.join(", ", allowed))
                + "; use one of those, or ask the platform team to allow it in the Team document");
    }

    private static String rule(Team team, String field) {
        return " (spec." + field + " of Team/" + team.name() + " at " + team.source() + ")";
    }
}
