package io.fargatereconciler.sim.ecs;

import io.fargatereconciler.sim.LifecycleTimings;
import io.fargatereconciler.sim.ec2.SimSubnet;
import io.fargatereconciler.sim.faults.EniFailureKind;
import io.fargatereconciler.sim.faults.FaultModel;
import io.fargatereconciler.sim.faults.SubnetFaults;
import io.fargatereconciler.sim.faults.TaskBehaviour;
import io.fargatereconciler.sim.world.Simulation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** Rolls the seeded dice of the fault model for a RunTask: which AZs have capacity, and each task's fate. */
final class LaunchPlanner {
    private final Simulation sim;

    LaunchPlanner(Simulation sim) {
        this.sim = sim;
    }

    /** The subnets whose availability zone has Fargate capacity for this call (one roll per zone). */
    List<SimSubnet> subnetsWithCapacity(List<SimSubnet> subnets) {
        Map<String, Double> shortageByZone = new HashMap<>();
        for (SimSubnet subnet : subnets) {
            double p = sim.faults().model().subnet(subnet.id()).capacityUnavailableProbability();
            shortageByZone.merge(subnet.availabilityZone(), p, Math::max);
        }
        Map<String, Boolean> zoneHasCapacity = new HashMap<>();
        shortageByZone.forEach((zone, p) -> zoneHasCapacity.put(zone, !roll(p)));
        List<SimSubnet> eligible = new ArrayList<>();
        for (SimSubnet subnet : subnets) {
            if (zoneHasCapacity.get(subnet.availabilityZone()) && !eligible.contains(subnet)) {
                eligible.add(subnet);
            }
        }
        return eligible;
    }

    /**
     * Decides, now, how a task placed in {@code subnet} will fare, and draws how long its start-up phases take. A
     * healthy task whose drawn provisioning time exceeds the ENI timeout fails with that timeout, as on Fargate.
     */
    LaunchPlan plan(SimSubnet subnet, SimTaskDefinition definition, long now) {
        FaultModel model = sim.faults().model();
        SubnetFaults faults = model.subnet(subnet.id());
        Optional<TaskBehaviour> behaviour = model.behaviourFor(definition.family());
        double slow = behaviour.filter(b -> roll(b.slowStartProbability())).map(TaskBehaviour::slowStartFactor)
                .orElse(1.0);
        LifecycleTimings timings = sim.config().lifecycle();
        Duration provisioning = times(timings.provisioning().sample(sim.random()), slow);
        Duration pending = times(timings.pending().sample(sim.random()), slow);
        Duration activating = timings.activating().sample(sim.random());
        if (subnet.availableIps() == 0) {
            return new LaunchPlan(LaunchPlan.Outcome.IP_EXHAUSTED, null, provisioning, pending, activating, -1, 0);
        }
        if (sim.faults().inOutage(subnet.id(), now) || roll(faults.eniFailureProbability())) {
            return new LaunchPlan(LaunchPlan.Outcome.ENI_FAILURE, faults.eniFailureKind(), provisioning, pending,
                    activating, -1, 0);
        }
        if (provisioning.compareTo(timings.eniTimeout()) > 0) {
            return new LaunchPlan(LaunchPlan.Outcome.ENI_FAILURE, EniFailureKind.TIMEOUT, provisioning, pending,
                    activating, -1, 0);
        }
        if (behaviour.isPresent() && roll(behaviour.get().imagePullFailureProbability())) {
            return new LaunchPlan(LaunchPlan.Outcome.IMAGE_PULL_FAILURE, null, provisioning, pending, activating, -1,
                    0);
        }
        if (behaviour.isPresent() && behaviour.get().exitAfter() != null && roll(behaviour.get().exitProbability())) {
            TaskBehaviour b = behaviour.get();
            return new LaunchPlan(LaunchPlan.Outcome.STARTS, null, provisioning, pending, activating,
                    b.exitAfter().toMillis(), b.exitCode());
        }
        return new LaunchPlan(LaunchPlan.Outcome.STARTS, null, provisioning, pending, activating, -1, 0);
    }

    private static Duration times(Duration duration, double factor) {
        return factor == 1.0 ? duration : Duration.ofMillis(Math.round(duration.toMillis() * factor));
    }

    /** True with probability {@code p}; rolls no die for 0 or 1, so adding a fault elsewhere shifts nothing. */
    private boolean roll(double p) {
        if (p <= 0.0) {
            return false;
        }
        if (p >= 1.0) {
            return true;
        }
        Random random = sim.random();
        return random.nextDouble() < p;
    }
}
