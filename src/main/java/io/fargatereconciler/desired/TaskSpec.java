package io.fargatereconciler.desired;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What to launch and where: the part of a spec shared by every kind. {@code launchType} is null exactly when a
 * {@code capacityProviderStrategy} is given. {@code platformVersion} null means LATEST.
 */
public record TaskSpec(String cluster, String taskDefinition, String launchType,
                       List<CapacityProviderItem> capacityProviderStrategy, String platformVersion,
                       Network network, Overrides overrides, Map<String, String> tags, PropagateTags propagateTags,
                       boolean enableExecuteCommand, BackoffPolicy backoff, Notifications notifications) {

    public static final String DEFAULT_LAUNCH_TYPE = "FARGATE";

    public TaskSpec {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(taskDefinition, "taskDefinition");
        Objects.requireNonNull(network, "network");
        capacityProviderStrategy = capacityProviderStrategy == null ? List.of() : List.copyOf(capacityProviderStrategy);
        if (launchType == null && capacityProviderStrategy.isEmpty()) {
            launchType = DEFAULT_LAUNCH_TYPE;
        }
        if (launchType != null && !capacityProviderStrategy.isEmpty()) {
            throw new IllegalArgumentException("launchType and capacityProviderStrategy are mutually exclusive");
        }
        overrides = overrides == null ? Overrides.NONE : overrides;
        tags = tags == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(tags));
        propagateTags = propagateTags == null ? PropagateTags.NONE : propagateTags;
        backoff = backoff == null ? BackoffPolicy.DEFAULT : backoff;
        notifications = notifications == null ? Notifications.DEFAULT : notifications;
    }

    /**
     * A short, stable digest of everything that shapes a launched task (not replicas, backoff or
     * notifications). A copy whose {@code fargate-reconciler/spec-hash} tag differs is out of date and is rolled.
     */
    public String specHash() {
        StringBuilder canonical = new StringBuilder()
                .append("cluster=").append(cluster).append('\n')
                .append("taskDefinition=").append(taskDefinition).append('\n')
                .append("launchType=").append(launchType).append('\n')
                .append("capacityProviderStrategy=").append(capacityProviderStrategy).append('\n')
                .append("platformVersion=").append(platformVersion).append('\n')
                .append("network=").append(network).append('\n')
                .append("overrides=").append(overrides).append('\n')
                .append("tags=").append(tags).append('\n')
                .append("propagateTags=").append(propagateTags).append('\n')
                .append("enableExecuteCommand=").append(enableExecuteCommand).append('\n');
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
