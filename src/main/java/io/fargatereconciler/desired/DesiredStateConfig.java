package io.fargatereconciler.desired;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** {@code reconciler.desired-state.*}: where the desired state lives and how it is read and watched. */
@ConfigMapping(prefix = "reconciler.desired-state")
public interface DesiredStateConfig {
    /** The folder of desired-state YAML files, read at any depth; relative to the working directory. */
    @WithDefault("desired-state")
    String path();

    /** Clusters resources may name (names or ARNs); unset means any cluster. */
    Optional<Set<String>> allowedClusters();

    /** Larger files are refused. */
    @WithDefault("1048576")
    int maxFileBytes();

    /** How long the folder must stay unchanged before a change is loaded, so a half-written file is never taken. */
    @WithDefault("2s")
    Duration debounce();

    /** How often the folder is checked for changes. */
    @WithDefault("1s")
    Duration pollInterval();

    default LoadSettings loadSettings() {
        return new LoadSettings(maxFileBytes(), allowedClusters().orElse(Set.of()));
    }
}
