package io.fargatereconciler.plan.job;

import io.fargatereconciler.desired.Job;
import io.fargatereconciler.observe.ObservedTask;
import io.fargatereconciler.plan.SubnetSteering;
import io.fargatereconciler.plan.subnet.SubnetChoice;
import io.fargatereconciler.plan.subnet.SubnetStanding;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Where a Job attempt goes: the subnets {@link SubnetSteering} chooses from the job's spec, as for a TaskGroup's
 * launch (healthy ones first, those with no free IPs or a failure streak left out, the single least bad one when none
 * is healthy). Attempts are paced by the job's backoff, so with every subnet bad the least bad one is tried at that
 * rate. Chosen once per attempt: a re-sent attempt keeps its subnets, so its clientToken always comes with the same
 * parameters.
 */
final class JobSubnets {
    private JobSubnets() {
    }

    /** The subnets for a new attempt of {@code job}, whose live tasks are {@code live}; the spec's if steering is off. */
    static SubnetChoice choose(Job job, List<ObservedTask> live, SubnetSteering steering) {
        List<String> given = job.task().network().subnets();
        if (steering == null) {
            return SubnetChoice.asGiven(given);
        }
        Map<String, Integer> liveBySubnet = new TreeMap<>();
        live.stream().filter(task -> task.subnetId() != null)
                .forEach(task -> liveBySubnet.merge(task.subnetId(), 1, Integer::sum));
        SubnetChoice chosen = steering.choose(job.key(), job.task(), liveBySubnet);
        boolean usable = chosen != null && !chosen.subnets().isEmpty() && given.containsAll(chosen.subnets());
        return usable ? chosen : SubnetChoice.asGiven(given);
    }

    /** What the choice left out and why, for the launch's reason; empty when nothing was. */
    static String describe(SubnetChoice choice) {
        if (choice.allBad()) {
            return "; no subnet is healthy, trying the least bad one, " + choice.subnets().get(0) + " ("
                    + describe(choice.unhealthy()) + ")";
        }
        List<SubnetStanding> avoided = choice.avoided();
        return avoided.isEmpty() ? "" : "; avoiding " + describe(avoided);
    }

    private static String describe(List<SubnetStanding> standings) {
        return standings.stream().map(SubnetStanding::describe).collect(Collectors.joining("; "));
    }
}
