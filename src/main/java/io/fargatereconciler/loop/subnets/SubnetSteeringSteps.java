package io.fargatereconciler.loop.subnets;

import io.fargatereconciler.aws.Ec2Gateway;
import io.fargatereconciler.aws.SubnetCapacity;
import io.fargatereconciler.desired.DesiredState;
import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.loop.PassRecorder;
import io.fargatereconciler.observe.ObservedState;
import io.fargatereconciler.plan.GroupStatus;
import io.fargatereconciler.plan.Planner;
import io.fargatereconciler.plan.PlannerMemory;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The loop's part of subnet health, which the planner owns (its memory's book, learnt from every observation and
 * RunTask answer): before planning, refresh free IPs through EC2 (bounded rate) and feed them in; after acting
 * (leader only), run the test-ENI diagnosis when one is due and feed its outcome in; report the subnets' health as
 * metrics and log steering changes. Used by the reconcile thread only.
 */
public final class SubnetSteeringSteps {
    private final boolean steering;
    private final FreeIpRefresh freeIps;
    private final TestEniDiagnosis diagnosis;
    private final PassRecorder recorder;
    private final SteeringLog log = new SteeringLog();

    /**
     * Steering as configured; {@code ec2} answers DescribeSubnets and (when {@code diagnostics.testEni()}) the
     * test-ENI calls. {@code ownerId} tags the test interfaces.
     */
    public SubnetSteeringSteps(SubnetsConfig subnets, DiagnosticsConfig diagnostics, Ec2Gateway ec2, String ownerId,
                               PassRecorder recorder) {
        this.steering = subnets.steering();
        this.freeIps = subnets.steering() ? new FreeIpRefresh(ec2, subnets.freeIpsRefreshInterval()) : null;
        this.diagnosis = diagnostics.testEni() ? new TestEniDiagnosis(ec2, ownerId, diagnostics, recorder) : null;
        this.recorder = recorder;
    }

    private SubnetSteeringSteps() {
        this.steering = false;
        this.freeIps = null;
        this.diagnosis = null;
        this.recorder = new PassRecorder() { };
    }

    /** No steering, no EC2 calls: the spec's subnets as written. */
    public static SubnetSteeringSteps off() {
        return new SubnetSteeringSteps();
    }

    /**
     * Refreshes free IPs if due (only for the subnets a launch may go to and those known to be unhealthy) and returns
     * {@code memory} with them folded in.
     */
    public PlannerMemory beforePlan(DesiredState desired, ObservedState observed, PlannerMemory memory,
                                    Planner planner, Instant now) {
        if (freeIps == null) {
            return memory;
        }
        PlannerMemory next = memory;
        for (SubnetCapacity subnet : freeIps.refreshIfDue(SubnetsToRefresh.of(desired, observed, memory.subnets(), now),
                now)) {
            next = planner.afterFreeIps(next, subnet.subnetId(), subnet.availableIps(), subnet.availabilityZone(), now);
        }
        return next;
    }

    /**
     * After acting: the test-ENI diagnosis if switched on and this replica leads, its outcome folded into the memory
     * returned; metrics either way.
     */
    public PlannerMemory afterPass(DesiredState desired, boolean leading, PlannerMemory memory, Planner planner,
                                   Instant now) {
        PlannerMemory next = memory;
        if (diagnosis != null && leading) {
            Optional<TestEniDiagnosis.Tested> tested = diagnosis.runIfDue(desired, memory.subnets(), now);
            if (tested.isPresent()) {
                next = planner.afterTestEni(next, tested.get().subnetId(), tested.get().outcome());
            }
        }
        recorder.subnetHealth(next.subnets(), now);
        return next;
    }

    /** Logs the groups whose steering changed (a subnet avoided or forgiven, every subnet bad). */
    public void report(Map<ResourceKey, GroupStatus> statuses) {
        if (steering) {
            log.afterPass(statuses);
        }
    }

    /** Test interfaces whose delete failed so far and are retried every pass (empty when all are gone). */
    public Set<String> testEnisPendingDelete() {
        return diagnosis == null ? Set.of() : diagnosis.pendingDeletes();
    }
}
