package io.fargatereconciler.desired.mapping;

import io.fargatereconciler.desired.DesiredDocument;
import io.fargatereconciler.desired.Metadata;
import io.fargatereconciler.desired.NamedValue;
import io.fargatereconciler.desired.SourceLocation;
import io.fargatereconciler.desired.Team;
import io.fargatereconciler.desired.TeamAllowance;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@code kind: Team}: the team's {@code folders} and its allowance: {@code clusters}, {@code taskDefinitionFamilies},
 * {@code subnets} (each at least one), {@code securityGroups}, {@code topics}, {@code passRoles} and {@code quotas}.
 */
final class TeamMapper implements KindMapper {
    private static final Pattern FOLDER_SEGMENT = Pattern.compile("[^/\\\\:*?\"<>|]+");

    @Override
    public Optional<DesiredDocument> map(MappingReader spec, Metadata metadata, SourceLocation source,
                                         List<NamedValue> named) {
        int mark = spec.problems().mark();
        List<String> folders = required(spec, "folders", TeamMapper::folderProblem, null, named).stream()
                .map(folder -> folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder).toList();
        Set<String> clusters = required(spec, "clusters", AwsNames::clusterProblem, NamedValue.What.CLUSTER, named);
        Set<String> families = required(spec, "taskDefinitionFamilies", AwsNames::familyProblem, null, named);
        Set<String> subnets = required(spec, "subnets", AwsNames::subnetProblem, NamedValue.What.SUBNET, named);
        Set<String> securityGroups = values(spec, "securityGroups", AwsNames::securityGroupProblem,
                NamedValue.What.SECURITY_GROUP, named);
        Set<String> topics = values(spec, "topics", AwsNames::topicArnProblem, NamedValue.What.TOPIC, named);
        Set<String> passRoles = values(spec, "passRoles", AwsNames::roleArnProblem, NamedValue.What.ROLE, named);
        Integer maxReplicasPerGroup = null;
        Integer maxTasks = null;
        Optional<MappingReader> quotas = spec.mapping("quotas");
        if (quotas.isPresent()) {
            maxReplicasPerGroup = PolicyMapper.notNegative(quotas.get(), "maxReplicasPerGroup").orElse(null);
            maxTasks = PolicyMapper.notNegative(quotas.get(), "maxTasks").orElse(null);
            quotas.get().rejectUnknownFields();
        }
        spec.rejectUnknownFields();
        if (!spec.problems().noneSince(mark)) {
            return Optional.empty();
        }
        return Optional.of(new Team(metadata, source, folders, new TeamAllowance(clusters, families,
                subnets, securityGroups, topics, passRoles, maxReplicasPerGroup, maxTasks)));
    }

    /** A list that must name at least one value. */
    private static Set<String> required(MappingReader spec, String key, Function<String, Optional<String>> shape,
                                        NamedValue.What what, List<NamedValue> named) {
        spec.required(key);
        if (spec.value(key).filter(MappingReader::isEmptyList).isPresent()) {
            spec.error(key, "must list at least one value");
        }
        return values(spec, key, shape, what, named);
    }

    private static Set<String> values(MappingReader spec, String key, Function<String, Optional<String>> shape,
                                      NamedValue.What what, List<NamedValue> named) {
        return new LinkedHashSet<>(NetworkMapper.ids(spec, key, shape, Integer.MAX_VALUE, item -> value -> {
            if (what != null) {
                named.add(spec.named(what, item, value));
            }
        }));
    }

    /** A folder inside the desired-state source: relative, '/'-separated, no '.', '..' or hidden segment. */
    private static Optional<String> folderProblem(String folder) {
        String trimmed = folder.endsWith("/") ? folder.substring(0, folder.length() - 1) : folder;
        if (trimmed.isEmpty() || trimmed.startsWith("/")) {
            return Optional.of("must be a folder inside the desired-state folder, such as team-payments, not \""
                    + folder + "\"");
        }
        for (String segment : trimmed.split("/", -1)) {
            if (segment.isEmpty() || segment.startsWith(".") || !FOLDER_SEGMENT.matcher(segment).matches()) {
                return Optional.of("must be a relative folder path without empty, '.', '..' or hidden parts (files"
                        + " there are never read), not \"" + folder + "\"");
            }
        }
        return Optional.empty();
    }
}
