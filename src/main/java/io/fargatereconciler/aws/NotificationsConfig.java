package io.fargatereconciler.aws;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Where notifications go, under {@code reconciler.notifications.}. */
@ConfigMapping(prefix = "reconciler.notifications")
public interface NotificationsConfig {
    /** Send notifications at all. Off: they are only logged. */
    @WithDefault("true")
    boolean enabled();

    /** The SNS topic for resources whose {@code notifications.topicArn} is not set; none: those are only logged. */
    Optional<String> defaultTopicArn();

    /**
     * A TaskGroup gets at most one Degraded or Recovered message per this interval; a change that reverts within it
     * sends nothing.
     */
    @WithDefault("10m")
    Duration groupMinInterval();

    /** Connect and read timeout of one SNS call. */
    @WithDefault("5s")
    Duration callTimeout();
}
