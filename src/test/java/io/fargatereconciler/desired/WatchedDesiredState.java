package io.fargatereconciler.desired;

import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;

/**
 * A desired-state folder read the way the daemon reads it (the watch loads it into the store, which keeps the last
 * good state; with Team documents a team held back keeps its own), on a test's clock. {@link #reload()} is what the
 * watch does once a change has settled.
 */
public final class WatchedDesiredState {
    private final DesiredStateStore store;
    private final DesiredStateWatch watch;

    public WatchedDesiredState(Path root, InstantSource clock) {
        this.store = new DesiredStateStore(root.toString(), changed -> { });
        this.watch = new DesiredStateWatch(store, new FolderSource(root, LoadSettings.DEFAULT), LoadSettings.DEFAULT,
                Duration.ofSeconds(1), Duration.ZERO, clock);
    }

    /** Reads the folder now and hands the outcome to the store. */
    public WatchedDesiredState reload() {
        watch.load();
        return this;
    }

    public Optional<DesiredState> current() {
        return store.current();
    }

    public DesiredStateStatus status() {
        return store.status();
    }
}
