package io.fargatereconciler.sim.faults;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything that can go wrong in the simulated world, as data: read from the {@code faults:} section of the
 * simulator's YAML file and replaceable at run time through the admin API.
 *
 * @param subnets    per-subnet ENI failures, outage windows and capacity shortages, by subnet id
 * @param throttling API rate limits (token buckets by call category)
 * @param api        random server errors, latency and ListTasks lag
 * @param tasks      per-family task behaviour: exits/crashes after a run time, slow starts, image pull failures
 */
public record FaultModel(Map<String, SubnetFaults> subnets, ThrottlingConfig throttling, ApiFaults api,
                         List<TaskBehaviour> tasks) {

    public FaultModel {
        subnets = subnets == null ? Map.of() : Map.copyOf(subnets);
        throttling = throttling == null ? ThrottlingConfig.published() : throttling;
        api = api == null ? ApiFaults.none() : api;
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }

    /** No faults at all, but the published ECS throttling limits (as the real service has). */
    public static FaultModel none() {
        return new FaultModel(null, null, null, null);
    }

    public FaultModel withSubnet(String subnetId, SubnetFaults faults) {
        Map<String, SubnetFaults> copy = new LinkedHashMap<>(subnets);
        copy.put(subnetId, faults);
        return new FaultModel(copy, throttling, api, tasks);
    }

    public FaultModel withThrottling(ThrottlingConfig value) {
        return new FaultModel(subnets, value, api, tasks);
    }

    public FaultModel withApi(ApiFaults value) {
        return new FaultModel(subnets, throttling, value, tasks);
    }

    public FaultModel withTasks(List<TaskBehaviour> value) {
        return new FaultModel(subnets, throttling, api, value);
    }

    public SubnetFaults subnet(String subnetId) {
        return subnets.getOrDefault(subnetId, SubnetFaults.none());
    }

    /** The behaviour for a family: an exact family entry wins over a {@code "*"} entry. */
    public Optional<TaskBehaviour> behaviourFor(String family) {
        return tasks.stream().filter(t -> t.family().equals(family)).findFirst()
                .or(() -> tasks.stream().filter(t -> t.family().equals("*")).findFirst());
    }
}
