package io.fargatereconciler.loop.events;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The highest {@code detail.version} seen per task, to drop duplicated and out-of-order events. Remembers at most
 * {@code capacity} tasks (least recently updated forgotten first); a forgotten task's next event simply counts as new.
 */
final class TaskEventVersions {
    private final Map<String, Long> highest;

    TaskEventVersions(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("reconciler.events.tracked-tasks must be at least 1, was " + capacity);
        }
        this.highest = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Records the event's version; false when an event with this or a higher version was seen for the task. */
    synchronized boolean isNewer(String taskArn, long version) {
        if (version == TaskStateChange.NO_VERSION) {
            return true;
        }
        Long seen = highest.get(taskArn);
        if (seen != null && version <= seen) {
            return false;
        }
        highest.put(taskArn, version);
        return true;
    }
}
