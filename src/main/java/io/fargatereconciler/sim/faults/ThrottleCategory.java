package io.fargatereconciler.sim.faults;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.fargatereconciler.sim.faults.ThrottlingConfig.BucketSpec;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The call categories that share a throttling bucket, with the published ECS/Fargate defaults. */
public enum ThrottleCategory {
    /** RunTask and StopTask share one bucket: burst 100, 40 calls/s. */
    RUN_STOP("runStop", new BucketSpec(100, 40)),
    /** DescribeTasks and ListTasks: burst 100, 20 calls/s. */
    DESCRIBE_LIST("describeList", new BucketSpec(100, 20)),
    /** Fargate's own RunTask call rate: burst 100, 20 calls/s. */
    FARGATE_RUN_TASK("fargateRunTask", new BucketSpec(100, 20)),
    /** Fargate task launches (counted per task, not per call): burst 100, 20 tasks/s. */
    FARGATE_TASK_LAUNCH("fargateTaskLaunch", new BucketSpec(100, 20)),
    /** Every other ECS call: burst 50, 20 calls/s. */
    OTHER("other", new BucketSpec(50, 20));

    private final String configName;
    private final BucketSpec published;

    ThrottleCategory(String configName, BucketSpec published) {
        this.configName = configName;
        this.published = published;
    }

    @JsonValue
    public String configName() {
        return configName;
    }

    public BucketSpec published() {
        return published;
    }

    @JsonCreator
    public static ThrottleCategory fromConfigName(String name) {
        return Arrays.stream(values()).filter(c -> c.configName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown throttling category '" + name + "'; known: "
                        + Arrays.stream(values()).map(c -> c.configName).collect(Collectors.joining(", "))));
    }
}
