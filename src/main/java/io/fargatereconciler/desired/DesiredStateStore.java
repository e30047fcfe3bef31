package io.fargatereconciler.desired;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Holds the desired state in force: the last good load of {@code reconciler.desired-state.path} (a folder or S3).
 * A broken edit never replaces it; its errors are kept (and logged) until a good load clears them.
 * {@link DesiredStateWatch} feeds it; everyone else only reads. Thread-safe.
 */
@ApplicationScoped
public class DesiredStateStore {
    private static final Logger LOG = Logger.getLogger(DesiredStateStore.class);

    private final AtomicReference<DesiredStateStatus> status;
    private final Consumer<DesiredStateChanged> changed;

    @Inject
    DesiredStateStore(DesiredStateSource source, Event<DesiredStateChanged> changed) {
        this(source.location(), changed::fire);
    }

    DesiredStateStore(String path, Consumer<DesiredStateChanged> changed) {
        this.status = new AtomicReference<>(DesiredStateStatus.notLoaded(path));
        this.changed = changed;
    }

    /** The desired state in force; empty until the first good load. */
    public Optional<DesiredState> current() {
        return status.get().lastGood().map(LoadResult.Valid::state);
    }

    /** The errors of the latest load; empty when it was good. */
    public List<ValidationError> errors() {
        return status.get().errors();
    }

    public DesiredStateStatus status() {
        return status.get();
    }

    /** Takes the outcome of reading the folder at {@code attemptedAt}; a new valid state fires {@link DesiredStateChanged}. */
    void record(LoadResult result, Instant attemptedAt) {
        DesiredStateStatus before = status.get();
        DesiredStateStatus after = before.after(result, attemptedAt);
        status.set(after);
        if (result instanceof LoadResult.Invalid invalid) {
            logRefused(after, invalid);
        } else if (after.lastGoodOrNull() != before.lastGoodOrNull()) {
            LoadResult.Valid valid = after.lastGoodOrNull();
            LOG.infof("desired state %s: revision %s in force, %d resources from %d files", after.path(),
                    valid.revision(), valid.state().resources().size(), valid.files());
            announce(new DesiredStateChanged(before.lastGood().map(LoadResult.Valid::state).orElse(null),
                    valid.state(), valid.revision()));
        } else if (!before.errors().isEmpty()) {
            LOG.infof("desired state %s: errors cleared, revision %s still in force", after.path(),
                    after.lastGoodOrNull().revision());
        }
    }

    /**
     * Says that a part of the daemon could not do what revision {@code revision} needs (which part, what is missing
     * and why, in one sentence). Readiness {@code desired-state} shows it until a new revision takes force; a
     * report about a revision no longer in force is dropped. The caller logs it.
     */
    public void reportApplyFailure(String revision, String failure) {
        status.updateAndGet(current -> current.withApplyFailure(revision, failure));
    }

    /**
     * Tells the observers of {@link DesiredStateChanged}. None of them may stop the daemon (this runs during
     * start-up too): a failure is logged and kept as an apply failure of the revision, and the state stays in force.
     */
    private void announce(DesiredStateChanged event) {
        try {
            changed.accept(event);
        } catch (RuntimeException failure) {
            LOG.errorf(failure, "desired state %s: revision %s is in force, but an observer of the change failed: %s;"
                    + " the daemon runs on, readiness desired-state is DOWN until a new revision takes force",
                    status.get().path(), event.revision(), failure);
            reportApplyFailure(event.revision(), "an observer of the change failed: " + failure);
        }
    }

    private static void logRefused(DesiredStateStatus after, LoadResult.Invalid invalid) {
        String inForce = after.lastGood().map(good -> "revision " + good.revision() + " stays in force")
                .orElse("no desired state is in force yet, so nothing is launched or stopped");
        LOG.warnf("desired state %s refused with %d errors; %s. Fix these files:", after.path(),
                invalid.errors().size(), inForce);
        invalid.errors().forEach(error -> LOG.warn("  " + error));
    }
}
