package io.fargatereconciler.desired.mapping;

import io.fargatereconciler.desired.BackoffPolicy;
import io.fargatereconciler.desired.NamedValue;
import io.fargatereconciler.desired.NotificationEvent;
import io.fargatereconciler.desired.Notifications;
import io.fargatereconciler.desired.RolloutPolicy;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The policy blocks of a spec: {@code backoff}, {@code notifications} and {@code rollout}. */
final class PolicyMapper {
    /** No wait in a backoff policy may exceed a day: longer is a typo, not a policy. */
    static final Duration LONGEST_WAIT = Duration.ofHours(24);
    static final double MAX_MULTIPLIER = 100;

    private PolicyMapper() {
    }

    static Optional<BackoffPolicy> backoff(MappingReader backoff) {
        int mark = backoff.problems().mark();
        BackoffPolicy defaults = BackoffPolicy.DEFAULT;
        Duration initial = wait(backoff, "initial").orElse(defaults.initial());
        Duration max = wait(backoff, "max").orElse(defaults.max());
        double multiplier = backoff.number("multiplier").orElse(defaults.multiplier());
        if (multiplier < 1 || multiplier > MAX_MULTIPLIER) {
            backoff.error("multiplier", "must be between 1 and " + (int) MAX_MULTIPLIER + ", not "
                    + backoff.at("multiplier").describe());
        }
        boolean jitter = backoff.bool("jitter").orElse(defaults.jitter());
        Duration resetAfter = wait(backoff, "resetAfter").orElse(defaults.resetAfter());
        if (backoff.problems().noneSince(mark) && max.compareTo(initial) < 0) {
            if (backoff.value("max").isPresent()) {
                backoff.error("max", DurationText.format(max) + " is below initial (" + DurationText.format(initial)
                        + "); raise max or lower initial");
            } else {
                backoff.error("initial", DurationText.format(initial) + " is above max (" + DurationText.format(max)
                        + ", the default); lower initial or set max");
            }
        }
        backoff.rejectUnknownFields();
        if (!backoff.problems().noneSince(mark)) {
            return Optional.empty();
        }
        return Optional.of(new BackoffPolicy(initial, max, multiplier, jitter, resetAfter));
    }

    private static Optional<Duration> wait(MappingReader backoff, String key) {
        return backoff.duration(key).filter(duration -> {
            if (duration.isZero()) {
                backoff.error(key, "must be longer than 0s");
                return false;
            }
            if (duration.compareTo(LONGEST_WAIT) > 0) {
                backoff.error(key, "must be at most 24h, not " + DurationText.format(duration));
                return false;
            }
            return true;
        });
    }

    static Optional<Notifications> notifications(MappingReader notifications, List<NamedValue> named) {
        int mark = notifications.problems().mark();
        Optional<String> topicArn = notifications.text("topicArn")
                .filter(arn -> notifications.accept("topicArn", AwsNames.topicArnProblem(arn)));
        topicArn.ifPresent(arn -> named.add(notifications.named(NamedValue.What.TOPIC, "topicArn", arn)));
        Set<NotificationEvent> on = EnumSet.noneOf(NotificationEvent.class);
        notifications.list("on").ifPresent(items -> {
            if (items.isEmpty()) {
                notifications.error("on", "must list at least one event; leave 'on' out to be told of all events");
            }
            for (MappingReader.Item item : items) {
                notifications.choice(item, NotificationEvent.class).filter(event -> !on.add(event)).ifPresent(
                        event -> notifications.problems().add(item.node(), item.path(), event + " is listed twice"));
            }
        });
        notifications.rejectUnknownFields();
        if (!notifications.problems().noneSince(mark)) {
            return Optional.empty();
        }
        return Optional.of(new Notifications(topicArn.orElse(null), on));
    }

    static Optional<RolloutPolicy> rollout(MappingReader rollout) {
        int mark = rollout.problems().mark();
        int maxSurge = notNegative(rollout, "maxSurge").orElse(RolloutPolicy.DEFAULT.maxSurge());
        int maxUnavailable = notNegative(rollout, "maxUnavailable").orElse(RolloutPolicy.DEFAULT.maxUnavailable());
        if (rollout.problems().noneSince(mark) && maxSurge == 0 && maxUnavailable == 0) {
            rollout.error(rollout.value("maxSurge").isPresent() ? "maxSurge" : "maxUnavailable",
                    "maxSurge and maxUnavailable cannot both be 0: a changed spec could never roll out");
        }
        rollout.rejectUnknownFields();
        if (!rollout.problems().noneSince(mark)) {
            return Optional.empty();
        }
        return Optional.of(new RolloutPolicy(maxSurge, maxUnavailable));
    }

    static Optional<Integer> notNegative(MappingReader reader, String key) {
        return reader.integer(key).filter(value -> {
            if (value < 0) {
                reader.error(key, "must not be negative, not " + value);
                return false;
            }
            return true;
        });
    }
}
