package io.fargatereconciler.desired;

import java.util.EnumSet;
import java.util.Set;

/** Where to publish notifications (an SNS topic ARN; null = the daemon's default topic) and for which events. */
public record Notifications(String topicArn, Set<NotificationEvent> on) {
    public static final Notifications DEFAULT = new Notifications(null, EnumSet.allOf(NotificationEvent.class));

    public Notifications {
        on = on == null || on.isEmpty() ? Set.copyOf(EnumSet.allOf(NotificationEvent.class)) : Set.copyOf(on);
    }
}
