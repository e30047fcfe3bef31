package io.fargatereconciler.loop.events;

import java.util.Objects;

/** The result of reading one queue message: a task state change, or the reason it is not one. */
public sealed interface ParsedEvent {

    record Change(TaskStateChange change) implements ParsedEvent {
        public Change {
            Objects.requireNonNull(change, "change");
        }
    }

    record Unparseable(String reason) implements ParsedEvent {
        public Unparseable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
