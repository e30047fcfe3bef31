package io.fargatereconciler.desired;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** {@code reconciler.desired-state.*}: where the desired state lives and how it is read and watched. */
@ConfigMapping(prefix = "reconciler.desired-state")
public interface DesiredStateConfig {
    /**
     * The folder of desired-state YAML files, read at any depth, relative to the working directory; or
     * {@code s3://bucket/prefix} for the YAML objects under a prefix of an S3 bucket.
     */
    @WithDefault("desired-state")
    String path();

    /** Clusters resources may name (names or ARNs); unset means any cluster. */
    Optional<Set<String>> allowedClusters();

    /** Larger files (or objects) are refused. */
    @WithDefault("1048576")
    int maxFileBytes();

    /** A source holding more desired-state files (or objects) than this is refused whole. */
    @WithDefault("1000")
    int maxFiles();

    /** How long the source must stay unchanged before a change is loaded, so a half-written file is never taken. */
    @WithDefault("2s")
    Duration debounce();

    /** How often the folder is checked for changes (an S3 source uses {@code s3.poll-interval}). */
    @WithDefault("1s")
    Duration pollInterval();

    /** Settings used only when {@code path} is an {@code s3://} URI. */
    S3 s3();

    default LoadSettings loadSettings() {
        return new LoadSettings(maxFileBytes(), maxFiles(), allowedClusters().orElse(Set.of()));
    }

    /** How often the source is checked: {@code poll-interval} for a folder, {@code s3.poll-interval} for S3. */
    default Duration effectivePollInterval() {
        return S3Location.isS3(path()) ? s3().pollInterval() : pollInterval();
    }

    interface S3 {
        /** How often the prefix is listed (one ListObjectsV2 call per 1000 objects) to compare ETags. */
        @WithDefault("30s")
        Duration pollInterval();

        /** The region of the bucket; unset means the SDK's default chain ({@code AWS_REGION} on ECS). */
        Optional<String> region();

        /** Another S3 endpoint: a VPC interface endpoint or an S3-compatible server (MinIO, s3rver in the tests). */
        Optional<URI> endpointOverride();

        /** Path-style addressing ({@code https://endpoint/bucket/key}), which most S3-compatible servers need. */
        @WithDefault("false")
        boolean pathStyleAccess();

        /** Longest one S3 call may take, per attempt. */
        @WithDefault("10s")
        Duration callTimeout();
    }
}
