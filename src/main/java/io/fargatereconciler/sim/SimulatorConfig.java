package io.fargatereconciler.sim;

import io.fargatereconciler.sim.faults.FaultModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the simulated account looks like at start and how it behaves: region and account, seeded clusters, task
 * definitions and subnets, lifecycle timings, retention of STOPPED tasks and the fault model. Load one from YAML with
 * {@link #load(Path)} or build one with {@link #builder()}.
 *
 * @param region          the region written into ARNs and events (any region works for clients)
 * @param accountId       12-digit account id written into ARNs
 * @param seed            seed of every random choice (ids, subnet picks, fault rolls): same seed, same calls, same world
 * @param retention       how long a STOPPED task stays listable and describable
 * @param lifecycle       state durations
 * @param clusters        cluster names that exist at start
 * @param taskDefinitions task definitions registered at start
 * @param subnets         subnets that exist; when empty, any subnet id a RunTask names is created on first use
 * @param topics          SNS topic names that exist at start
 * @param faults          the fault model
 * @param eventsQueueUrl  an SQS queue URL to send every "ECS Task State Change" event to (null: none)
 * @param securityGroups  security group ids that exist (EC2 DescribeSecurityGroups), in the default VPC
 * @param roles           IAM role names that exist (IAM GetRole), as {@code arn:aws:iam::ACCOUNT:role/NAME}
 */
public record SimulatorConfig(String region, String accountId, Long seed, Duration retention,
                              LifecycleTimings lifecycle, List<String> clusters,
                              List<TaskDefinitionSeed> taskDefinitions, List<SubnetSeed> subnets, List<String> topics,
                              FaultModel faults,
                              String eventsQueueUrl, List<String> securityGroups, List<String> roles) {

    public SimulatorConfig {
        region = region == null ? "us-east-1" : region;
        accountId = accountId == null ? "123456789012" : accountId;
        if (!accountId.matches("\\d{12}")) {
            throw new IllegalArgumentException("accountId: must be 12 digits, was '" + accountId + "'");
        }
        seed = seed == null ? 1L : seed;
        retention = retention == null ? Duration.ofHours(1) : retention;
        if (retention.isNegative()) {
            throw new IllegalArgumentException("retention: must not be negative, was " + retention);
        }
        lifecycle = lifecycle == null ? LifecycleTimings.defaults() : lifecycle;
        clusters = clusters == null ? List.of() : List.copyOf(clusters);
        taskDefinitions = taskDefinitions == null ? List.of() : List.copyOf(taskDefinitions);
        subnets = subnets == null ? List.of() : List.copyOf(subnets);
        topics = topics == null ? List.of() : List.copyOf(topics);
        faults = faults == null ? FaultModel.none() : faults;
        securityGroups = securityGroups == null ? List.of() : List.copyOf(securityGroups);
        roles = roles == null ? List.of() : List.copyOf(roles);
        requireUnique(securityGroups, "securityGroups");
        requireUnique(roles, "roles");
        for (String group : securityGroups) {
            if (!group.startsWith("sg-")) {
                throw new IllegalArgumentException("securityGroups: must start with 'sg-', was '" + group + "'");
            }
        }
        requireUnique(clusters, "clusters");
        requireUnique(subnets.stream().map(SubnetSeed::id).toList(), "subnets[].id");
        for (String subnetId : faults.subnets().keySet()) {
            if (!subnets.isEmpty() && subnets.stream().noneMatch(s -> s.id().equals(subnetId))) {
                throw new IllegalArgumentException("faults.subnets." + subnetId + ": no such subnet in subnets[]");
            }
        }
    }

    /** An empty account in us-east-1 with default timings, published throttling and no faults. */
    public static SimulatorConfig empty() {
        return builder().build();
    }

    /** Reads a simulator YAML file; errors name the file, line, column and field. */
    public static SimulatorConfig load(Path file) {
        return SimulatorConfigLoader.load(file);
    }

    /** The demo world bundled with the application: {@code simulator/dev.yaml} on the classpath. */
    public static SimulatorConfig devExample() {
        return fromClasspath("simulator/dev.yaml");
    }

    /** Reads simulator YAML from the classpath, e.g. {@code simulator/dev.yaml}. */
    public static SimulatorConfig fromClasspath(String resource) {
        try (var in = SimulatorConfig.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no simulator config '" + resource + "' on the classpath");
            }
            return parse(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                    "classpath:" + resource);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read classpath:" + resource, e);
        }
    }

    /** Parses simulator YAML text; {@code sourceName} is used in error messages. */
    public static SimulatorConfig parse(String yaml, String sourceName) {
        return SimulatorConfigLoader.parse(yaml, sourceName);
    }

    /** Parses the fault model alone (the {@code faults:} section), as YAML or JSON. */
    public static FaultModel parseFaults(String yaml, String sourceName) {
        FaultModel faults = SimulatorConfigLoader.parse(yaml, sourceName, FaultModel.class);
        return faults == null ? FaultModel.none() : faults;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder().region(region).accountId(accountId).seed(seed).retention(retention)
                .lifecycle(lifecycle).faults(faults).eventsQueueUrl(eventsQueueUrl);
        b.clusters.addAll(clusters);
        b.taskDefinitions.addAll(taskDefinitions);
        b.subnets.addAll(subnets);
        b.topics.addAll(topics);
        b.securityGroups.addAll(securityGroups);
        b.roles.addAll(roles);
        return b;
    }

    private static void requireUnique(List<String> values, String field) {
        Set<String> seen = new HashSet<>();
        for (String value : values) {
            if (!seen.add(value)) {
                throw new IllegalArgumentException(field + ": '" + value + "' is declared twice");
            }
        }
    }

    /** Builds a {@link SimulatorConfig}; unset values take the record's defaults. */
    public static final class Builder {
        private String region;
        private String accountId;
        private Long seed;
        private Duration retention;
        private LifecycleTimings lifecycle;
        private final List<String> clusters = new ArrayList<>();
        private final List<TaskDefinitionSeed> taskDefinitions = new ArrayList<>();
        private final List<SubnetSeed> subnets = new ArrayList<>();
        private final List<String> topics = new ArrayList<>();
        private final List<String> securityGroups = new ArrayList<>();
        private final List<String> roles = new ArrayList<>();
        private FaultModel faults;
        private String eventsQueueUrl;

        private Builder() {
        }

        public Builder region(String value) {
            region = value;
            return this;
        }

        public Builder accountId(String value) {
            accountId = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder retention(Duration value) {
            retention = value;
            return this;
        }

        public Builder lifecycle(LifecycleTimings value) {
            lifecycle = value;
            return this;
        }

        public Builder cluster(String name) {
            clusters.add(name);
            return this;
        }

        public Builder taskDefinition(TaskDefinitionSeed value) {
            taskDefinitions.add(value);
            return this;
        }

        public Builder subnet(SubnetSeed value) {
            subnets.add(value);
            return this;
        }

        public Builder topic(String name) {
            topics.add(name);
            return this;
        }

        public Builder securityGroup(String id) {
            securityGroups.add(id);
            return this;
        }

        public Builder role(String name) {
            roles.add(name);
            return this;
        }

        public Builder faults(FaultModel value) {
            faults = value;
            return this;
        }

        public Builder eventsQueueUrl(String value) {
            eventsQueueUrl = value;
            return this;
        }

        public SimulatorConfig build() {
            return new SimulatorConfig(region, accountId, seed, retention, lifecycle, clusters, taskDefinitions,
                    subnets, topics, faults, eventsQueueUrl, securityGroups, roles);
        }
    }
}
