package io.fargatereconciler.sim.ecs;

import com.fasterxml.jackson.databind.JsonNode;
import io.fargatereconciler.sim.ec2.SimSubnet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Fargate task, mutated by {@link TaskLifecycle} under the simulation lock. Timestamps are epoch millis, 0 while
 * not set. Kept lean: 10,000 of these must fit comfortably next to a daemon in 256 MiB.
 */
public final class SimTask {
    /** No exit code yet. */
    static final int NO_EXIT = Integer.MIN_VALUE;

    private final long sequence;
    private final String id;
    private final String arn;
    private final SimCluster cluster;
    private final SimTaskDefinition definition;
    private final String startedBy;
    private final String group;
    private final JsonNode overrides;
    private final String capacityProviderName;
    private final SimSubnet subnet;
    private final long createdAt;
    private final long listableAt;
    private Map<String, String> tags;

    LifecycleStatus lastStatus = LifecycleStatus.PROVISIONING;
    boolean desiredStopped;
    String attachmentId;
    String attachmentStatus = "PRECREATED";
    String eniId;
    String macAddress;
    String privateIp;
    long pullStartedAt;
    long pullStoppedAt;
    long connectivityAt;
    long startedAt;
    long stoppingAt;
    long executionStoppedAt;
    long stoppedAt;
    String stopCode;
    String stoppedReason;
    String containerReason;
    int[] exitCodes;
    /** Its start was bound to fail (decided at RunTask): for the admin API's accounting, never shown over ECS. */
    boolean doomed;
    int version;
    int epoch;

    SimTask(long sequence, String id, String arn, SimCluster cluster, SimTaskDefinition definition, String startedBy,
            String group, JsonNode overrides, String capacityProviderName, SimSubnet subnet, long createdAt,
            long listableAt, Map<String, String> tags) {
        this.sequence = sequence;
        this.id = id;
        this.arn = arn;
        this.cluster = cluster;
        this.definition = definition;
        this.startedBy = startedBy;
        this.group = group;
        this.overrides = overrides;
        this.capacityProviderName = capacityProviderName;
        this.subnet = subnet;
        this.createdAt = createdAt;
        this.listableAt = listableAt;
        this.tags = tags.isEmpty() ? null : new LinkedHashMap<>(tags);
        this.exitCodes = null;
    }

    public long sequence() {
        return sequence;
    }

    public String id() {
        return id;
    }

    public String arn() {
        return arn;
    }

    public SimCluster cluster() {
        return cluster;
    }

    public SimTaskDefinition definition() {
        return definition;
    }

    public String startedBy() {
        return startedBy;
    }

    public String group() {
        return group;
    }

    public JsonNode overrides() {
        return overrides;
    }

    public String capacityProviderName() {
        return capacityProviderName;
    }

    public SimSubnet subnet() {
        return subnet;
    }

    public long createdAt() {
        return createdAt;
    }

    public long listableAt() {
        return listableAt;
    }

    public Map<String, String> tags() {
        return tags == null ? Map.of() : tags;
    }

    public void putTags(Map<String, String> more) {
        if (tags == null) {
            tags = new LinkedHashMap<>();
        }
        tags.putAll(more);
    }

    public LifecycleStatus lastStatus() {
        return lastStatus;
    }

    public String desiredStatus() {
        return desiredStopped ? "STOPPED" : "RUNNING";
    }

    public boolean desiredStopped() {
        return desiredStopped;
    }

    public String stopCode() {
        return stopCode;
    }

    public String stoppedReason() {
        return stoppedReason;
    }

    public long stoppedAt() {
        return stoppedAt;
    }

    public long startedAt() {
        return startedAt;
    }

    public String privateIp() {
        return privateIp;
    }

    public String eniId() {
        return eniId;
    }

    public boolean doomed() {
        return doomed;
    }

    public int version() {
        return version;
    }

    /** The exit code of container {@code index}, or null while it has none. */
    public Integer exitCode(int index) {
        return exitCodes == null || exitCodes[index] == NO_EXIT ? null : exitCodes[index];
    }
}
