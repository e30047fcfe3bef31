package io.fargatereconciler.cli;

import io.fargatereconciler.aws.AccountInventory;
import io.fargatereconciler.aws.AccountInventory.Lookup;
import io.fargatereconciler.aws.AccountInventory.TaskDefinitionRoles;
import io.fargatereconciler.desired.DesiredState;
import io.fargatereconciler.desired.DocumentSource;
import io.fargatereconciler.desired.NamedValue;
import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.desired.Team;
import io.fargatereconciler.desired.TeamVersion;
import io.fargatereconciler.desired.ValidationError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@code validate --against-aws}: checks, read-only, that every cluster, task definition revision, subnet, security
 * group, topic and role the desired state and its Team documents name exists in the account, and that the roles a
 * team's task definitions pass are among those its Team document allows. Each problem is an error at the place the
 * value is written; a lookup the account refuses (no permission, no route) is one error naming the call.
 */
final class AccountCheck {
    private final DesiredState state;
    private final AccountInventory aws;
    private final List<ValidationError> errors = new ArrayList<>();

    private AccountCheck(DesiredState state, AccountInventory aws) {
        this.state = state;
        this.aws = aws;
    }

    static List<ValidationError> check(DesiredState state, AccountInventory aws) {
        AccountCheck check = new AccountCheck(state, aws);
        check.run();
        return List.copyOf(check.errors);
    }

    private void run() {
        Map<String, List<NamedValue>> clusters = named(NamedValue.What.CLUSTER);
        found(aws.activeClusters(clusters.keySet()), clusters, active -> clusters.keySet().stream()
                .filter(cluster -> !active.contains(cluster)), "cluster %s does not exist in the account, or is not"
                + " ACTIVE (ECS DescribeClusters); create it or name another");
        Map<String, List<NamedValue>> subnets = named(NamedValue.What.SUBNET);
        found(aws.existingSubnets(subnets.keySet()), subnets, existing -> subnets.keySet().stream()
                .filter(subnet -> !existing.contains(subnet)), "subnet %s does not exist in the account and region"
                + " (EC2 DescribeSubnets)");
        Map<String, List<NamedValue>> groups = named(NamedValue.What.SECURITY_GROUP);
        found(aws.existingSecurityGroups(groups.keySet()), groups, existing -> groups.keySet().stream()
                .filter(group -> !existing.contains(group)), "security group %s does not exist in the account and"
                + " region (EC2 DescribeSecurityGroups)");
        oneByOne(named(NamedValue.What.TOPIC), aws::topicExists, "topic %s does not exist (SNS GetTopicAttributes)");
        oneByOne(named(NamedValue.What.ROLE), aws::roleExists, "role %s does not exist in the account (IAM GetRole)");
        Map<String, List<NamedValue>> definitions = named(NamedValue.What.TASK_DEFINITION);
        for (Map.Entry<String, List<NamedValue>> definition : definitions.entrySet()) {
            if (!taskDefinition(definition.getKey(), definition.getValue(), definitions)) {
                break;
            }
        }
    }

    /** Values looked up one call each; the first failed call is reported for all of them, and ends the kind. */
    private void oneByOne(Map<String, List<NamedValue>> values, Function<String, Lookup<Boolean>> exists,
                          String message) {
        for (Map.Entry<String, List<NamedValue>> value : values.entrySet()) {
            Lookup<Boolean> lookup = exists.apply(value.getKey());
            if (lookup instanceof Lookup.Failed<Boolean>) {
                found(lookup, values, found -> Stream.empty(), message);
                return;
            }
            found(lookup, Map.of(value.getKey(), value.getValue()),
                    found -> found ? Stream.empty() : Stream.of(value.getKey()), message);
        }
    }

    /**
     * A task definition exists and passes only roles its team allows; false when the lookup failed (reported for
     * {@code all} of them).
     */
    private boolean taskDefinition(String reference, List<NamedValue> places, Map<String, List<NamedValue>> all) {
        Lookup<Optional<TaskDefinitionRoles>> lookup = aws.taskDefinition(reference);
        String missing = reference.contains(":") ? "task definition %s does not exist (ECS DescribeTaskDefinition):"
                + " register that revision or name one that exists"
                : "task definition family %s has no ACTIVE revision (ECS DescribeTaskDefinition)";
        if (lookup instanceof Lookup.Failed<Optional<TaskDefinitionRoles>>) {
            found(lookup, all, found -> Stream.empty(), missing);
            return false;
        }
        found(lookup, Map.of(reference, places), found -> found.isPresent() ? Stream.empty() : Stream.of(reference),
                missing);
        if (lookup instanceof Lookup.Found<Optional<TaskDefinitionRoles>> found && found.value().isPresent()) {
            TaskDefinitionRoles roles = found.value().get();
            for (NamedValue place : places) {
                teamOf(place).ifPresent(team -> {
                    Set<String> allowed = team.allowance().passRoles();
                    Stream.of(roles.taskRoleArn(), roles.executionRoleArn()).filter(role -> role != null)
                            .filter(role -> !allowed.contains(role)).distinct().forEach(role -> errors.add(place.error(
                                    "task definition " + roles.arn() + " passes role " + role + ", which team "
                                            + team.name() + " may not pass (spec.passRoles of Team/" + team.name()
                                            + " at " + team.source() + "); add it there, or use another role")));
                });
            }
        }
        return true;
    }

    /** Reports every missing value at each place it is written, or the failed lookup once at the first place. */
    private <T> void found(Lookup<T> lookup, Map<String, List<NamedValue>> places, Function<T, Stream<String>> missing,
                           String message) {
        if (places.isEmpty()) {
            return;
        }
        if (lookup instanceof Lookup.Failed<T> failed) {
            NamedValue first = places.values().iterator().next().get(0);
            int count = places.size();
            errors.add(first.error("could not check " + (count == 1 ? "this value" : "the " + count + " values of its"
                    + " kind (the first is here)") + ": " + failed.operation() + " failed: " + failed.reason()
                    + ". The check needs " + String.join(", ", AccountInventory.ACTIONS) + ", read-only"));
            return;
        }
        missing.apply(((Lookup.Found<T>) lookup).value()).forEach(value -> places.get(value).forEach(place ->
                errors.add(place.error(String.format(message, value)))));
    }

    /** Every value of a kind the documents in force name, with the places it is written, in reading order. */
    private Map<String, List<NamedValue>> named(NamedValue.What what) {
        Map<String, List<NamedValue>> named = new LinkedHashMap<>();
        state.sources().values().stream().flatMap(source -> source.named().stream())
                .filter(value -> value.what() == what)
                .forEach(value -> named.computeIfAbsent(value.value(), v -> new ArrayList<>()).add(value));
        return named;
    }

    /** The team whose resource names {@code place}, when Team documents divide the state. */
    private Optional<Team> teamOf(NamedValue place) {
        for (Map.Entry<ResourceKey, DocumentSource> source : state.sources().entrySet()) {
            if (source.getValue().named().contains(place)) {
                return state.teamOf(source.getKey()).map(state.teams()::get).map(TeamVersion::team);
            }
        }
        return Optional.empty();
    }
}
