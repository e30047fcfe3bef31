package io.fargatereconciler.sim.faults;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fault model in force, with outage windows turned into absolute times and the throttling buckets. Changed by
 * the admin API; guarded by the simulation lock.
 */
public final class FaultState {
    private record Outage(long fromMillis, long untilMillis) {
        boolean covers(long millis) {
            return millis >= fromMillis && millis < untilMillis;
        }
    }

    private final long simulatorStartMillis;
    private final Map<String, List<Outage>> outages = new HashMap<>();
    private final Map<String, Integer> failNext = new HashMap<>();
    private final Throttler throttler;
    private volatile FaultModel model;

    public FaultState(FaultModel model, long simulatorStartMillis) {
        this.simulatorStartMillis = simulatorStartMillis;
        this.throttler = new Throttler(model.throttling(), simulatorStartMillis);
        replace(model, simulatorStartMillis);
    }

    public FaultModel model() {
        return model;
    }

    public Throttler throttler() {
        return throttler;
    }

    /** Puts a whole new fault model in force; outage windows stay relative to the simulator's start. */
    public void replace(FaultModel value, long nowMillis) {
        this.model = value;
        outages.clear();
        value.subnets().forEach((subnet, faults) -> faults.outages().forEach(window -> {
            long from = simulatorStartMillis + window.start().toMillis();
            addOutage(subnet, from, from + window.duration().toMillis());
        }));
        throttler.reconfigure(value.throttling(), nowMillis);
    }

    public void setSubnetFaults(String subnetId, SubnetFaults faults) {
        this.model = model.withSubnet(subnetId, faults);
    }

    public void setThrottlingEnabled(boolean enabled, long nowMillis) {
        this.model = model.withThrottling(model.throttling().withEnabled(enabled));
        throttler.reconfigure(model.throttling(), nowMillis);
    }

    public void setApi(ApiFaults api) {
        this.model = model.withApi(api);
    }

    public void setTaskBehaviours(List<TaskBehaviour> behaviours) {
        this.model = model.withTasks(behaviours);
    }

    /** Starts an ENI outage in a subnet now, lasting until {@link #endOutage} (or {@code untilMillis}). */
    public void startOutage(String subnetId, long nowMillis, long untilMillis) {
        addOutage(subnetId, nowMillis, untilMillis);
    }

    /** Ends every outage of the subnet that is in force at {@code nowMillis}. */
    public void endOutage(String subnetId, long nowMillis) {
        List<Outage> list = outages.getOrDefault(subnetId, List.of());
        List<Outage> kept = new ArrayList<>();
        for (Outage outage : list) {
            kept.add(outage.covers(nowMillis) ? new Outage(outage.fromMillis, nowMillis) : outage);
        }
        outages.put(subnetId, kept);
    }

    /** The next {@code times} calls of {@code operation} (e.g. {@code ec2:DeleteNetworkInterface}) fail with a 500. */
    public void failNextCalls(String operation, int times) {
        if (times < 0) {
            throw new IllegalArgumentException("times must not be negative, was " + times);
        }
        if (times == 0) {
            failNext.remove(operation);
        } else {
            failNext.put(operation, times);
        }
    }

    /** True (and one fewer left) when this call of {@code operation} is one of the injected failures. */
    public boolean takeInjectedFailure(String operation) {
        Integer left = failNext.get(operation);
        if (left == null) {
            return false;
        }
        failNextCalls(operation, left - 1);
        return true;
    }

    public boolean inOutage(String subnetId, long millis) {
        return outages.getOrDefault(subnetId, List.of()).stream().anyMatch(o -> o.covers(millis));
    }

    private void addOutage(String subnetId, long from, long until) {
        outages.computeIfAbsent(subnetId, k -> new ArrayList<>()).add(new Outage(from, until));
    }
}
