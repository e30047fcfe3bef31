package io.fargatereconciler.loop.state;

import io.fargatereconciler.desired.DesiredResource;
import io.fargatereconciler.loop.DecisionLine;
import io.fargatereconciler.desired.DesiredState;
import io.fargatereconciler.desired.Job;
import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.plan.Expectations;
import io.fargatereconciler.plan.Launch;
import io.fargatereconciler.plan.LaunchResult;
import io.fargatereconciler.plan.PlannerMemory;
import io.fargatereconciler.plan.job.JobLedger;
import io.fargatereconciler.plan.job.JobMemories;
import io.fargatereconciler.plan.job.JobMemory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * Keeps the leader's durable facts in step with the planner's memory, through the {@link StateStore}:
 * <ul>
 *   <li>at the start of a leader term it claims every desired group's launch intents and every desired job's
 *       run-ledger entry, and (with a durable store) hands the planner a memory resumed from them
 *       ({@link #beforePlan});</li>
 *   <li>it writes each Job's ledger entry after planning and before any of the pass's Job events go out or any of its
 *       RunTask calls is sent, and again after acting ({@link #recordJobs});</li>
 *   <li>it writes a TaskGroup's launch intent before each RunTask ({@link #beforeLaunch}), what RunTask answered
 *       after it ({@link #afterLaunch}), and settles intents whose copies are listed or whose expectation has expired
 *       ({@link #settle}).</li>
 * </ul>
 * Every write carries the term: once a newer leader claimed an item, the store refuses it ({@link StateWriteRefused}).
 * Used by the reconcile thread only.
 */
public final class DurableState {
    private static final Logger LOG = Logger.getLogger(DurableState.class);

    private final StateStore store;
    private final Duration expectationTimeout;
    private long term;
    private boolean claimed;
    private boolean warnedUnavailable;
    private final Set<ResourceKey> claimedGroups = new HashSet<>();
    private final Set<ResourceKey> claimedJobs = new HashSet<>();
    private final Map<ResourceKey, List<LaunchIntent>> intents = new TreeMap<>();
    private final Set<ResourceKey> unwritten = new TreeSet<>();
    private final Map<ResourceKey, JobLedger> ledgers = new HashMap<>();
    private final Map<ResourceKey, List<String>> resumedTasks = new TreeMap<>();

    public DurableState(StateStore store, Duration expectationTimeout) {
        this.store = store;
        this.expectationTimeout = expectationTimeout;
    }

    /**
     * Called on the leader before each plan. At the start of term {@code term} (or while the claim has not succeeded
     * yet) it claims everything the desired state names and returns the memory to plan from: with a durable store,
     * resumed from what the store holds (launches in flight, Job runs); else {@code memory} as it is (a fresh
     * process knows nothing before it, and the restart guard covers that). Later in the term it claims what is new in
     * the desired state; a new job's ledger entry goes into the memory before the job is first planned.
     */
    public PlannerMemory beforePlan(long term, DesiredState desired, PlannerMemory memory) {
        if (!claimed || term != this.term) {
            return begin(term, desired, memory);
        }
        List<ResourceKey> newGroups = desired.taskGroups().stream().map(DesiredResource::key)
                .filter(key -> !claimedGroups.contains(key)).toList();
        List<ResourceKey> newJobs = desired.jobs().stream().map(DesiredResource::key)
                .filter(key -> !claimedJobs.contains(key)).toList();
        if (newGroups.isEmpty() && newJobs.isEmpty()) {
            return memory;
        }
        ClaimedState state = claim(newGroups, newJobs,
                "the new groups and jobs of the desired state wait until it answers");
        if (state == null) {
            return memory;
        }
        claimedGroups.addAll(newGroups);
        claimedJobs.addAll(newJobs);
        state.intents().forEach((group, open) -> intents.put(group, new ArrayList<>(open)));
        PlannerMemory next = memory;
        for (Job job : desired.jobs()) {
            JobLedger ledger = state.ledgers().get(job.key());
            if (ledger != null && store.durable()) {
                ledgers.put(job.key(), ledger);
                next = next.withJobMemory(job, ledger.resume());
            }
        }
        return next;
    }

    /**
     * The tasks of the launch intents the last resume read back, by group, once: the observer follows them (a copy
     * that stopped before ListTasks showed it is never listed, only described), so their expectations settle.
     */
    public Map<ResourceKey, List<String>> takeResumedTasks() {
        Map<ResourceKey, List<String>> taken = new TreeMap<>(resumedTasks);
        resumedTasks.clear();
        return taken;
    }

    /** The planner's memory was started afresh: the next {@link #beforePlan} claims everything again and resumes. */
    public void forget() {
        claimed = false;
    }

    private PlannerMemory begin(long term, DesiredState desired, PlannerMemory memory) {
        this.term = term;
        claimed = false;
        claimedGroups.clear();
        claimedJobs.clear();
        intents.clear();
        unwritten.clear();
        ledgers.clear();
        List<ResourceKey> groups = desired.taskGroups().stream().map(DesiredResource::key).toList();
        List<ResourceKey> jobs = desired.jobs().stream().map(DesiredResource::key).toList();
        ClaimedState state = claim(groups, jobs, "nothing is launched until it answers; groups with copies created in"
                + " the last two expectation timeouts are held by the restart guard meanwhile");
        if (state == null) {
            return memory;
        }
        claimed = true;
        claimedGroups.addAll(groups);
        claimedJobs.addAll(jobs);
        state.intents().forEach((group, open) -> intents.put(group, new ArrayList<>(open)));
        if (!store.durable()) {
            DecisionLine.action("resume").with("term", term).quoted("reason", "no state table"
                    + " (reconciler.state.table): launch intents and the run ledger are kept in memory only, so after a"
                    + " restart the restart guard and the clientTokens ECS remembers protect launches and Job runs")
                    .info(LOG);
            return memory;
        }
        JobMemories jobMemories = JobMemories.NONE;
        for (Job job : desired.jobs()) {
            JobLedger ledger = state.ledgers().get(job.key());
            if (ledger != null) {
                ledgers.put(job.key(), ledger);
            }
            jobMemories = jobMemories.with(job, ledger != null ? ledger.resume() : JobMemory.afterDaemonStart());
        }
        Map<ResourceKey, Expectations> launches = new TreeMap<>();
        intents.forEach((group, open) -> launches.put(group, expectations(open)));
        resumedTasks.clear();
        intents.forEach((group, open) -> open.forEach(intent -> resumedTasks
                .computeIfAbsent(group, g -> new ArrayList<>()).addAll(intent.taskArns())));
        int inFlight = launches.values().stream().mapToInt(Expectations::launchesInFlight).sum();
        DecisionLine.action("resume").with("term", term).with("groups-with-intents", launches.size())
                .with("launches-in-flight", inFlight).with("jobs-in-ledger", ledgers.size()).quoted("reason", "read back"
                        + " from the state table: launches an earlier leader made count as in flight until listed or"
                        + " expired, Job runs resume where they were; groups without recorded intents ("
                        + (groups.size() - launches.size()) + ") fall back to the restart guard").info(LOG);
        return PlannerMemory.resumed(memory.seed(), launches, jobMemories, memory.subnets());
    }

    /** Claims these items for the current term; null (after one warning) when the store cannot be reached. */
    private ClaimedState claim(List<ResourceKey> groups, List<ResourceKey> jobs, String meanwhile) {
        try {
            ClaimedState state = store.claim(term, groups, jobs);
            answered();
            return state;
        } catch (StateWriteRefused deposed) {
            throw deposed;
        } catch (RuntimeException unavailable) {
            warnUnavailable(unavailable, meanwhile);
            return null;
        }
    }

    /** The launches {@code open} stand for, as the planner expects them. */
    private static Expectations expectations(List<LaunchIntent> open) {
        Map<String, Expectations.ExpectedLaunch> launched = new TreeMap<>();
        List<Expectations.UnconfirmedLaunch> unconfirmed = new ArrayList<>();
        for (LaunchIntent intent : open) {
            if (intent.taskArns().isEmpty()) {
                unconfirmed.add(new Expectations.UnconfirmedLaunch(intent.specHash(), intent.count(), intent.at()));
            } else {
                intent.taskArns().forEach(arn -> launched.put(arn,
                        new Expectations.ExpectedLaunch(intent.specHash(), intent.at())));
            }
        }
        return new Expectations(launched, unconfirmed, Map.of());
    }

    /**
     * Writes the ledger entry of every job whose memory changed since it was last written. Returns false when one
     * could not be written (the store unreachable, or not claimed yet): the pass must then neither report the Jobs'
     * events nor send their launches, and plans them again next pass. Throws {@link StateWriteRefused} when deposed.
     */
    public boolean recordJobs(PlannerMemory memory) {
        if (!claimed) {
            return memory.jobs().memories().isEmpty();
        }
        for (Map.Entry<ResourceKey, JobMemory> job : memory.jobs().memories().entrySet()) {
            JobLedger ledger = JobLedger.of(job.getValue());
            if (ledger.equals(ledgers.get(job.getKey())) || !claimedJobs.contains(job.getKey())) {
                continue;
            }
            try {
                store.writeLedger(term, job.getKey(), ledger);
            } catch (StateWriteRefused deposed) {
                throw deposed;
            } catch (RuntimeException unavailable) {
                warnUnavailable(unavailable, "Job runs are neither launched nor reported until it answers");
                return false;
            }
            ledgers.put(job.getKey(), ledger);
            answered();
        }
        return true;
    }

    /**
     * Records the intent of TaskGroup launch {@code launch} before its RunTask is sent. Throws when it could not be
     * written ({@link StateWriteRefused} when deposed): the call must then not be sent.
     */
    public void beforeLaunch(Launch launch, Instant now) {
        ResourceKey group = launch.group();
        if (!claimed || !claimedGroups.contains(group)) {
            throw new IllegalStateException("the state table has not been read for " + group + " in this leader term");
        }
        List<LaunchIntent> open = new ArrayList<>(intents.getOrDefault(group, List.of()));
        open.add(new LaunchIntent(group, launch.clientToken(), launch.task().specHash(), launch.count(),
                launch.subnets(), now, List.of()));
        store.writeIntents(term, group, open);
        intents.put(group, open);
        unwritten.remove(group);
    }

    /**
     * Records what RunTask answered for {@code launch}: the tasks it named, or nothing to wait for (throttled,
     * rejected, no task started), or, after a server error, that its copies may exist. A failed write is retried by
     * {@link #settle}.
     */
    public void afterLaunch(Launch launch, LaunchResult result) {
        ResourceKey group = launch.group();
        List<LaunchIntent> open = intents.get(group);
        if (open == null) {
            return;
        }
        for (int i = 0; i < open.size(); i++) {
            if (!open.get(i).clientToken().equals(launch.clientToken()) || !open.get(i).taskArns().isEmpty()) {
                continue;
            }
            boolean named = !result.taskArns().isEmpty();
            switch (result.outcome()) {
                case STARTED, TOKEN_CONFLICT -> {
                    if (named) {
                        open.set(i, open.get(i).answered(result.taskArns()));
                    } else if (result.outcome() == LaunchResult.Outcome.STARTED) {
                        open.remove(i);
                    }
                }
                case TOKEN_REUSED, THROTTLED, REJECTED -> open.remove(i);
                case SERVER_ERROR -> { } // copies may exist: open until the expectation expires
            }
            write(group);
            return;
        }
    }

    /**
     * Settles intents whose copies an observation listed (the planner no longer expects them) or whose expectation
     * timeout has passed, and writes every group whose intents changed or could not be written before.
     */
    public void settle(PlannerMemory memory, Instant now) {
        if (!claimed) {
            return;
        }
        for (Map.Entry<ResourceKey, List<LaunchIntent>> entry : intents.entrySet()) {
            Set<String> expected = memory.group(entry.getKey()).expectations().launches().keySet();
            boolean changed = entry.getValue().removeIf(intent -> !now.isBefore(intent.at().plus(expectationTimeout))
                    || (!intent.taskArns().isEmpty() && intent.taskArns().stream().noneMatch(expected::contains)));
            if (changed) {
                unwritten.add(entry.getKey());
            }
        }
        for (ResourceKey group : List.copyOf(unwritten)) {
            write(group);
        }
    }

    private void write(ResourceKey group) {
        try {
            store.writeIntents(term, group, intents.get(group));
            unwritten.remove(group);
            answered();
        } catch (StateWriteRefused deposed) {
            throw deposed;
        } catch (RuntimeException unavailable) {
            unwritten.add(group);
            warnUnavailable(unavailable, "settled launch intents are written again at the next pass");
        }
    }

    /** A claim or write succeeded: says so once after a warning. */
    private void answered() {
        if (warnedUnavailable) {
            DecisionLine.action("state").with("result", "ok").with("term", term)
                    .quoted("reason", "the state table answers again").info(LOG);
            warnedUnavailable = false;
        }
    }

    private void warnUnavailable(RuntimeException error, String meanwhile) {
        if (!warnedUnavailable) {
            DecisionLine.action("state").with("result", "unavailable").with("term", term).quoted("reason", "the state"
                    + " table cannot be read or written: " + error + "; " + meanwhile + ". Check the network path and IAM"
                    + " access to DynamoDB").warn(LOG);
            warnedUnavailable = true;
        }
    }
}
