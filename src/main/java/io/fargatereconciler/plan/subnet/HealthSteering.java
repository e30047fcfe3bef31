package io.fargatereconciler.plan.subnet;

import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.desired.TaskSpec;
import io.fargatereconciler.plan.SubnetSteering;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Steering by subnet health, made from what one observation taught the {@link SubnetHealthBook} at one instant (so a
 * plan stays a pure function of its inputs). See {@link SubnetRanking} for the order, {@link SubnetLearning} for
 * stalls.
 */
public record HealthSteering(SubnetLearning.Learned learned, Instant now) implements SubnetSteering {

    public HealthSteering {
        Objects.requireNonNull(learned, "learned");
        Objects.requireNonNull(now, "now");
    }

    /** Steering by {@code book} alone: no observation learnt in this pass, so no stalls and no tasks starting. */
    public HealthSteering(SubnetHealthBook book, Instant now) {
        this(SubnetLearning.Learned.nothing(book), now);
    }

    public SubnetHealthBook book() {
        return learned.book();
    }

    @Override
    public List<String> subnetsFor(ResourceKey group, TaskSpec task) {
        return choose(group, task, Map.of()).subnets();
    }

    @Override
    public SubnetChoice choose(ResourceKey group, TaskSpec task, Map<String, Integer> liveCopiesBySubnet) {
        return SubnetRanking.choose(task.network().subnets(), book(), liveCopiesBySubnet, now);
    }

    @Override
    public Optional<Stall> stall(String taskArn) {
        return Optional.ofNullable(learned.stalls().get(taskArn));
    }

    @Override
    public Optional<Instant> stallAt(String taskArn) {
        return Optional.ofNullable(learned.stallsAt().get(taskArn));
    }

    @Override
    public int probeRoom(String subnetId) {
        if (book().standing(subnetId, now).tier() != SubnetStanding.Tier.PROBING) {
            return 0;
        }
        return Math.max(0, book().settings().stall().probeBatch() - learned.starting().getOrDefault(subnetId, 0));
    }

    @Override
    public Duration probeCheckInterval() {
        return book().settings().stall().probeCheckInterval();
    }
}
