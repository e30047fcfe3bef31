package io.fargatereconciler.loop;

import io.fargatereconciler.desired.DesiredResource;
import io.fargatereconciler.desired.DesiredState;
import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.loop.leader.Leadership;
import io.fargatereconciler.plan.OrphanGroup;
import io.fargatereconciler.plan.Planner;
import io.fargatereconciler.plan.PlannerMemory;
import io.fargatereconciler.plan.subnet.SubnetHealthBook;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.jboss.logging.Logger;

/**
 * The reconcile loop: a full pass at every resync (interval with jitter), and sooner passes for groups put on the
 * work queue (events, backoff timers the planner asks for). Passes run one at a time on one thread, so a group is
 * never reconciled by two threads at once. {@link #runPass()} runs a pass synchronously, which is how tests on
 * virtual time drive it. On {@link #stop()} the pass in flight finishes its current call and acts no further.
 * <p>
 * Only the leader acts. A standby's passes observe and plan (status stays current) without acting. The first pass
 * after this replica becomes leader (by the lease's listener, or found at the start of a pass) is a full pass from a
 * fresh planner memory: what a standby or an earlier term believed is dropped, the launch intents and run ledger
 * an earlier leader recorded are read back from the state table (see {@code DurableState}), and, where none were
 * recorded, the planner's restart guard and RunTask's client tokens keep the new leader from launching over copies
 * the old one started.
 */
public final class ReconcileLoop {
    private static final Logger LOG = Logger.getLogger(ReconcileLoop.class);
    /** A group the planner wants to see again is not looked at sooner than this: no busy loop on a past timer. */
    private static final Duration MIN_REQUEUE_DELAY = Duration.ofSeconds(1);

    private final Supplier<Optional<DesiredState>> desiredState;
    private final ReconcilePass pass;
    private final WorkQueue<ResourceKey> queue = new WorkQueue<>();
    private final InstantSource clock;
    private final LoopConfig.Loop config;
    private final PassRecorder recorder;
    private final RandomGenerator random;
    private final LoopHealth health;
    private final Leadership leadership;
    private final TaskGroupIndex taskGroups = new TaskGroupIndex();
    private final AtomicLong leaderTerms = new AtomicLong();
    private volatile long termOfMemory;
    private boolean ledLastPass;
    private final Object passLock = new Object();
    private volatile boolean stopping;
    private volatile Thread runner;
    private volatile Instant nextResyncAt;

    /**
     * A loop with a fresh planner memory (as a daemon that just started); {@code random} seeds the memory's backoff
     * jitter and the resync jitter.
     */
    public ReconcileLoop(Supplier<Optional<DesiredState>> desiredState, ReconcilePassParts parts, Planner planner,
                         InstantSource clock, LoopConfig.Loop config, RandomGenerator random) {
        this.desiredState = desiredState;
        this.clock = clock;
        this.config = config;
        this.recorder = parts.recorder();
        this.random = random;
        this.health = parts.health();
        this.leadership = parts.leadership();
        this.pass = new ReconcilePass(parts, planner, PlannerMemory.initial(random.nextLong()), clock, taskGroups);
        leadership.addListener(this::leadershipChanged);
    }

    /** The group of a task this loop observed, for routing task-state events; empty when not known. */
    public Optional<ResourceKey> groupOfTask(String taskArn) {
        return taskGroups.groupOf(taskArn);
    }

    /** Called on the election's thread: on becoming leader, a full pass is due now (with a fresh memory). */
    private void leadershipChanged(boolean leading) {
        if (leading) {
            leaderTerms.incrementAndGet();
            queue.wakeUp();
        }
    }

    /** Reconcile {@code group} as soon as possible (an event hinted that it changed). */
    public void enqueue(ResourceKey group) {
        queue.addAt(group, clock.instant());
    }

    /** A full pass over every group and cluster of the desired state, now, on the caller's thread. */
    public void runPass() {
        runPass(null);
    }

    /** Launched copies ECS does not list yet (the planner's expectations), over all groups. */
    public int expectationsInFlight() {
        return pass.expectationsInFlight();
    }

    /** Groups waiting on the work queue, due or not. */
    /** What the planner knows about every subnet seen, as of the last pass (a snapshot, for the status API). */
    public SubnetHealthBook subnetHealth() {
        return pass.subnetHealth();
    }

    public int queueDepth() {
        return queue.depth();
    }

    /** When the next pass is due: the earlier of the next resync and the earliest requeued group. */
    public Optional<Instant> nextPassAt() {
        Optional<Instant> queued = queue.nextDueAt();
        if (nextResyncAt == null) {
            return queued;
        }
        return Optional.of(queued.filter(q -> q.isBefore(nextResyncAt)).orElse(nextResyncAt));
    }

    /**
     * Runs whatever is due now: a full pass when the resync is due or this replica has just become leader, else the
     * due groups. Returns whether a pass ran.
     */
    public boolean runDue() {
        Instant now = clock.instant();
        if (nextResyncAt == null || !now.isBefore(nextResyncAt) || leadershipNew()) {
            runPass(null);
            return true;
        }
        Set<ResourceKey> due = queue.takeDue(now);
        if (due.isEmpty()) {
            return false;
        }
        runPass(due);
        return true;
    }

    /** Starts the loop's own thread. */
    public synchronized void start() {
        if (runner != null) {
            return;
        }
        stopping = false;
        runner = new Thread(this::runUntilStopped, "reconcile-loop");
        runner.setDaemon(true);
        runner.start();
    }

    /**
     * Graceful stop: the pass in flight finishes its current ECS call (it is not interrupted) and acts no further;
     * nothing new starts. Waits up to {@code reconciler.loop.shutdown-grace}.
     */
    public void stop() {
        stopping = true;
        Thread thread = runner;
        if (thread != null) {
            queue.wakeUp();
            try {
                thread.join(config.shutdownGrace().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void runUntilStopped() {
        DecisionLine.action("start").quoted("reason", "reconcile loop started, resync every " + config.resyncInterval())
                .info(LOG);
        while (!stopping) {
            long seen = queue.changes();
            runDue();
            Instant next = nextPassAt().orElse(clock.instant().plus(config.resyncInterval()));
            long waitMillis = Duration.between(clock.instant(), next).toMillis();
            try {
                queue.awaitChange(seen, Math.max(1, waitMillis));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        DecisionLine.action("stop").quoted("reason", "reconcile loop stopped: shutdown requested").info(LOG);
    }

    private void runPass(Set<ResourceKey> dueGroups) {
        synchronized (passLock) {
            Instant started = clock.instant();
            long startedNanos = System.nanoTime();
            boolean failed = false;
            if (dueGroups == null) {
                queue.takeDue(started);
            }
            try {
                Optional<DesiredState> desired = desiredState.get();
                if (desired.isEmpty()) {
                    DecisionLine.action("wait")
                            .quoted("reason", "no valid desired state loaded yet; nothing is launched or stopped")
                            .warn(LOG);
                } else {
                    boolean leading = leadershipForThisPass();
                    Set<String> clusters = clustersOf(desired.get(), dueGroups);
                    Map<ResourceKey, Instant> requeue = pass.run(desired.get(), clusters, leading, () -> stopping);
                    Instant earliest = clock.instant().plus(MIN_REQUEUE_DELAY);
                    requeue.forEach((group, at) -> queue.addAt(group, at.isBefore(earliest) ? earliest : at));
                }
                health.passCompleted(clock.instant());
            } catch (RuntimeException error) {
                failed = true;
                DecisionLine.action("pass").with("result", "error")
                        .quoted("reason", "unexpected error in a reconcile pass; the next pass retries").error(LOG, error);
            } finally {
                if (dueGroups == null) {
                    nextResyncAt = started.plus(jittered(config.resyncInterval()));
                }
                recorder.passFinished(Duration.ofNanos(System.nanoTime() - startedNanos), failed);
            }
        }
    }

    /** This replica leads in a term its planner memory does not come from yet: a full pass is due. */
    private boolean leadershipNew() {
        return leaderTerms.get() != termOfMemory && leadership.isLeader();
    }

    /** Whether this pass may act; starts the planner's memory afresh when this replica has just become leader. */
    private boolean leadershipForThisPass() {
        boolean leading = leadership.isLeader();
        long term = leaderTerms.get();
        if (leading && (!ledLastPass || term != termOfMemory)) {
            pass.forget(random.nextLong());
            termOfMemory = term;
            DecisionLine.action("lead").with("replica", leadership.replicaId()).with("term", leadership.term())
                    .quoted("reason", "this replica leads now: the planner's memory is read back from the state table"
                            + " (launch intents, run ledger) before it acts").info(LOG);
        } else if (!leading && ledLastPass) {
            DecisionLine.action("standby").with("replica", leadership.replicaId())
                    .quoted("reason", "this replica no longer leads: it observes but acts on nothing").warn(LOG);
        }
        ledLastPass = leading;
        return leading;
    }

    /** The clusters to observe: those the groups name, and those where orphaned copies were last seen. */
    private Set<String> clustersOf(DesiredState desired, Set<ResourceKey> groups) {
        Set<String> clusters = new TreeSet<>();
        if (groups == null) {
            clusters.addAll(desired.clusters());
            pass.orphans().keySet().forEach(orphan -> clusters.addAll(pass.orphanClusters(orphan)));
            return clusters;
        }
        groups.forEach(group -> desired.get(group).map(DesiredResource::task).ifPresentOrElse(
                task -> clusters.add(task.cluster()), () -> clusters.addAll(pass.orphanClusters(group))));
        return clusters;
    }

    /** Copies of ours whose group is not declared, by group, as of the last pass. */
    public Map<ResourceKey, OrphanGroup> orphans() {
        return pass.orphans();
    }

    private Duration jittered(Duration interval) {
        double share = config.resyncJitter() * (2 * random.nextDouble() - 1);
        return Duration.ofMillis(Math.max(1, Math.round(interval.toMillis() * (1 + share))));
    }
}
