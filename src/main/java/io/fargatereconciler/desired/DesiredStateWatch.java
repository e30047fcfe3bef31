package io.fargatereconciler.desired;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Loads the desired-state folder at start, then checks it every {@code poll-interval} and reloads it once a
 * change has settled for {@code debounce}. Polling file metadata (rather than inotify) works at any depth, on
 * network file systems and across the symlink swaps of Kubernetes and ECS volume mounts.
 */
@ApplicationScoped
public class DesiredStateWatch {
    private static final Logger LOG = Logger.getLogger(DesiredStateWatch.class);

    private final DesiredStateStore store;
    private final DesiredStateConfig config;
    private final InstantSource clock;
    private final Path root;
    private final DesiredStateLoader loader;
    private final SettledChangeDetector detector;
    private ScheduledExecutorService executor;

    DesiredStateWatch(DesiredStateStore store, DesiredStateConfig config, InstantSource clock) {
        if (config.pollInterval().isZero() || config.pollInterval().isNegative() || config.debounce().isNegative()) {
            throw new IllegalArgumentException("reconciler.desired-state.poll-interval must be above 0 and"
                    + " reconciler.desired-state.debounce not negative; got " + config.pollInterval() + " and "
                    + config.debounce());
        }
        this.store = store;
        this.config = config;
        this.clock = clock;
        this.root = Path.of(config.path());
        this.loader = new DesiredStateLoader(config.loadSettings(), clock);
        this.detector = new SettledChangeDetector(() -> FolderFingerprint.of(root), clock, config.debounce());
    }

    void start(@Observes StartupEvent event) {
        LOG.infof("desired state: reading %s (absolute %s), checking for changes every %s", root,
                root.toAbsolutePath(), config.pollInterval());
        load();
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "desired-state-watch");
            thread.setDaemon(true);
            return thread;
        });
        long interval = config.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::poll, interval, interval, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void poll() {
        try {
            if (detector.settledChange()) {
                load();
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "desired state: checking %s for changes failed; will try again in %s", root,
                    config.pollInterval());
        }
    }

    private void load() {
        detector.readingNow();
        store.record(loader.load(root), clock.instant());
    }
}
