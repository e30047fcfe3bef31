package io.fargatereconciler.desired;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Loads the desired-state source at start, then checks its fingerprint every poll interval and reloads it once a
 * change has settled for {@code debounce} (a change seen is checked again after the debounce, not a whole interval
 * later). Polling (rather than inotify or S3 event notifications) works at any depth, on network file systems,
 * across the symlink swaps of volume mounts, and against S3 with read-only access.
 */
@ApplicationScoped
public class DesiredStateWatch {
    private static final Logger LOG = Logger.getLogger(DesiredStateWatch.class);

    private final DesiredStateStore store;
    private final DesiredStateSource source;
    private final InstantSource clock;
    private final Duration pollInterval;
    private final Duration debounce;
    private final DesiredStateLoader loader;
    private final SettledChangeDetector detector;
    private ScheduledExecutorService executor;

    @Inject
    DesiredStateWatch(DesiredStateStore store, DesiredStateSource source, DesiredStateConfig config,
                      InstantSource clock) {
        this(store, source, config.loadSettings(), config.effectivePollInterval(), config.debounce(), clock);
    }

    DesiredStateWatch(DesiredStateStore store, DesiredStateSource source, LoadSettings settings,
                      Duration pollInterval, Duration debounce, InstantSource clock) {
        if (pollInterval.isZero() || pollInterval.isNegative() || debounce.isNegative()) {
            throw new IllegalArgumentException("the desired-state poll interval (reconciler.desired-state.poll-interval,"
                    + " or s3.poll-interval for S3) must be above 0 and reconciler.desired-state.debounce not"
                    + " negative; got " + pollInterval + " and " + debounce);
        }
        this.store = store;
        this.source = source;
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.debounce = debounce;
        this.loader = new DesiredStateLoader(settings, clock);
        this.detector = new SettledChangeDetector(source::fingerprint, clock, debounce);
    }

    void start(@Observes StartupEvent event) {
        LOG.infof("desired state: reading %s, checking for changes every %s", source.location(), pollInterval);
        load();
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "desired-state-watch");
            thread.setDaemon(true);
            return thread;
        });
        schedule(pollInterval);
    }

    @PreDestroy
    void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** One check: reloads when a change has settled. Tests call it directly instead of waiting for the schedule. */
    void checkNow() {
        try {
            if (detector.settledChange()) {
                load();
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "desired state: checking %s for changes failed; will try again in %s", source.location(),
                    pollInterval);
        }
    }

    /** Reads the whole source and hands the outcome to the store, which keeps the last good state. */
    void load() {
        SourceSnapshot snapshot = source.read();
        detector.read(snapshot.fingerprint());
        store.record(loader.load(snapshot, store.current().orElse(null)), clock.instant());
    }

    private void schedule(Duration delay) {
        if (executor.isShutdown()) {
            return;
        }
        executor.schedule(() -> {
            checkNow();
            schedule(detector.changePending() ? debounce : pollInterval);
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
}
