package io.fargatereconciler.loop.leader;

import io.fargatereconciler.aws.HeldLease;
import io.fargatereconciler.aws.LeaseGateway;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Leader election with a lease ({@link LeaseGateway}): one thread renews the lease while this replica leads and
 * tries to take it while it stands by. {@link #isLeader()} compares the injected clock with the end of the validity
 * window of the last renewal that succeeded (measured from before the call), so a partitioned leader stops acting on
 * its own. {@link #close()} stops renewing, reports "not leading", then releases the lease for an immediate takeover.
 */
public final class LeaseElection implements Leadership, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LeaseElection.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final LeaseGateway lease;
    private final LeaseTiming timing;
    private final InstantSource clock;
    private final String replicaId;
    private final ScheduledExecutorService thread;
    private final Object stateLock = new Object();
    private final List<LeadershipListener> listeners = new ArrayList<>();

    // written by the election thread (and close), read by any thread
    private volatile Instant validUntil;
    private volatile LeaderInfo knownLeader;
    private volatile long term;
    // election thread only (and close, after the thread stopped)
    private HeldLease held;
    private boolean reportedLeading;
    private boolean failing;
    private volatile boolean closed;

    public LeaseElection(LeaseGateway lease, LeaseTiming timing, InstantSource clock, String replicaId) {
        this.lease = lease;
        this.timing = timing;
        this.clock = clock;
        this.replicaId = replicaId;
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread named = new Thread(runnable, "leader-election");
            named.setDaemon(true);
            return named;
        });
    }

    /** Starts competing for the lease; the first attempt runs at once. */
    public void start() {
        thread.execute(this::tick);
    }

    @Override
    public String replicaId() {
        return replicaId;
    }

    @Override
    public boolean isLeader() {
        Instant until = validUntil;
        return until != null && clock.instant().isBefore(until);
    }

    @Override
    public long term() {
        return term;
    }

    @Override
    public Optional<LeaderInfo> leader() {
        return Optional.ofNullable(knownLeader);
    }

    @Override
    public void addListener(LeadershipListener listener) {
        synchronized (stateLock) {
            listeners.add(listener);
            listener.leadershipChanged(reportedLeading);
        }
    }

    private void tick() {
        if (closed) {
            return;
        }
        Duration next;
        try {
            next = held == null ? tryToLead() : keepLeading();
            if (failing) {
                LOG.infof("Leader election of replica %s reaches the lease table again", replicaId);
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warnf("Leader election of replica %s cannot reach the lease table: %s. %s", replicaId, e,
                        held == null ? "It stays on standby and retries every " + timing.standbyPoll() + "."
                                : "It stops acting at " + validUntil + " unless a renewal succeeds before then;"
                                        + " check the network path and IAM access to DynamoDB.");
                failing = true;
            }
            dropLapsedLease();
            next = held == null ? timing.standbyPoll() : untilNextRenewal();
        }
        if (!closed) {
            thread.schedule(this::tick, Math.max(0, next.toMillis()), TimeUnit.MILLISECONDS);
        }
    }

    private Duration tryToLead() {
        Instant attempt = clock.instant();
        // reading the holder first also surfaces an unreachable table (the lock client swallows those on acquire)
        LeaderInfo holder = lease.currentHolder().map(found -> new LeaderInfo(found.replicaId(), found.since()))
                .orElse(null);
        Optional<HeldLease> acquired = lease.tryAcquire(attempt);
        if (acquired.isEmpty()) {
            knownLeader = holder;
            return timing.standbyPoll();
        }
        held = acquired.get();
        term = held.term();
        validUntil = attempt.plus(timing.validity());
        knownLeader = new LeaderInfo(replicaId, attempt);
        LOG.infof("Replica %s now leads in term %d: it holds the lease until %s and renews it every %s", replicaId,
                term, validUntil, timing.renewEvery());
        report(true);
        return untilNextRenewal();
    }

    private Duration keepLeading() {
        Instant attempt = clock.instant();
        if (lease.renew(held)) {
            validUntil = attempt.plus(timing.validity());
            return untilNextRenewal();
        }
        LOG.warnf("Replica %s lost the lease: another replica took it over after it went unrenewed;"
                + " this replica stands by", replicaId);
        giveUp();
        return timing.standbyPoll();
    }

    /** After a failed renewal: once the validity window has passed, stop counting as leader and stand by. */
    private void dropLapsedLease() {
        if (held != null && !isLeader()) {
            LOG.warnf("Replica %s stops leading: its lease could not be renewed for %s and may be taken over; it"
                    + " stands by until it can take the lease again", replicaId, timing.validity());
            giveUp();
        }
    }

    private Duration untilNextRenewal() {
        Duration toExpiry = Duration.between(clock.instant(), validUntil);
        return toExpiry.compareTo(timing.renewEvery()) < 0 ? toExpiry : timing.renewEvery();
    }

    private void giveUp() {
        held = null;
        validUntil = null;
        knownLeader = null;
        report(false);
    }

    private void report(boolean leading) {
        synchronized (stateLock) {
            if (leading == reportedLeading) {
                return;
            }
            reportedLeading = leading;
            for (LeadershipListener listener : listeners) {
                try {
                    listener.leadershipChanged(leading);
                } catch (RuntimeException e) {
                    LOG.errorf(e, "A leadership listener failed on replica %s (leading=%s)", replicaId, leading);
                }
            }
        }
    }

    /** Stops competing; if leading, reports "not leading" to listeners first, then releases the lease. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        thread.shutdown();
        try {
            if (!thread.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf("Leader election of replica %s did not stop within %s", replicaId, STOP_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        HeldLease releasing = held;
        if (releasing != null) {
            giveUp();
            try {
                lease.release(releasing);
                LOG.infof("Replica %s released the lease; a standby replica takes over at its next attempt", replicaId);
            } catch (RuntimeException e) {
                LOG.warnf("Replica %s could not release the lease (%s); another replica takes over once it runs out,"
                        + " within %s", replicaId, e, timing.lease());
            }
        }
        try {
            lease.close();
        } catch (RuntimeException e) {
            LOG.debugf("Closing the lease table client of replica %s failed: %s", replicaId, e);
        }
    }
}
