package io.fargatereconciler.loop.subnets;

import io.fargatereconciler.aws.Ec2Gateway;
import io.fargatereconciler.desired.DesiredState;
import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.loop.PassRecorder;
import io.fargatereconciler.observe.ObservedState;
import io.fargatereconciler.plan.GroupStatus;
import io.fargatereconciler.plan.Launch;
import io.fargatereconciler.plan.LaunchResult;
import io.fargatereconciler.plan.SubnetSteering;
import io.fargatereconciler.plan.subnet.HealthSteering;
import io.fargatereconciler.plan.subnet.SubnetHealthBook;
import io.fargatereconciler.plan.subnet.SubnetHealthSettings;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The subnet-health steps of a reconcile pass: before planning, learn from the observation and refresh free IPs
 * (bounded rate) and hand the planner a steering made from the health snapshot; after each launch, learn from
 * RunTask's failures; after acting (leader only), run the test-ENI diagnosis when one is due. Used by the reconcile
 * thread only.
 */
public final class SubnetSteeringSteps {
    private final SubnetHealthTracker tracker;
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
        this.tracker = new SubnetHealthTracker(subnets.settings());
        this.steering = subnets.steering();
        this.freeIps = subnets.steering() ? new FreeIpRefresh(ec2, subnets.freeIpsRefreshInterval(), tracker) : null;
        this.diagnosis = diagnostics.testEni()
                ? new TestEniDiagnosis(ec2, ownerId, diagnostics, tracker, recorder) : null;
        this.recorder = recorder;
    }

    private SubnetSteeringSteps() {
        this.tracker = new SubnetHealthTracker(SubnetHealthSettings.DEFAULTS);
        this.steering = false;
        this.freeIps = null;
        this.diagnosis = null;
        this.recorder = new PassRecorder() { };
    }

    /** No steering, no EC2 calls: the spec's subnets as written. */
    public static SubnetSteeringSteps off() {
        return new SubnetSteeringSteps();
    }

    /** The subnets' health now, for metrics, the status API and benchmarks. */
    public SubnetHealthBook book() {
        return tracker.book();
    }

    /**
     * Learns from the observation, refreshes free IPs if due (only for the subnets a launch may go to and those
     * known to be unhealthy), and returns the steering for this pass's plan.
     */
    public SubnetSteering beforePlan(DesiredState desired, ObservedState observed, Instant now) {
        tracker.observed(observed, now);
        if (freeIps != null) {
            freeIps.refreshIfDue(SubnetsToRefresh.of(desired, observed, tracker.book(), now), now);
        }
        return steering(now);
    }

    /** The steering from the health known now; null (the planner's own, as given) when steering is off. */
    public SubnetSteering steering(Instant now) {
        return steering ? new HealthSteering(tracker.book(), now) : null;
    }

    public void afterLaunch(Launch launch, LaunchResult result, Instant now) {
        tracker.launched(launch, result, now);
    }

    /** After acting: the test-ENI diagnosis if switched on and this replica leads; metrics either way. */
    public void afterPass(DesiredState desired, boolean leading, Instant now) {
        if (diagnosis != null && leading) {
            diagnosis.runIfDue(desired, now);
        }
        recorder.subnetHealth(tracker.book(), now);
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
