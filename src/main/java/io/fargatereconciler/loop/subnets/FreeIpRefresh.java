package io.fargatereconciler.loop.subnets;

import io.fargatereconciler.aws.Ec2Gateway;
import io.fargatereconciler.aws.Ec2Result;
import io.fargatereconciler.aws.SubnetCapacity;
import io.fargatereconciler.loop.DecisionLine;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * Refreshes the free-IP counts of the desired state's subnets through EC2 DescribeSubnets, at a bounded rate: once
 * per {@code interval}; sooner (but not more than every {@link #MIN_GAP}) when the desired state names a subnet not
 * asked about yet or the last call failed.
 */
final class FreeIpRefresh {
    private static final Logger LOG = Logger.getLogger(FreeIpRefresh.class);
    static final Duration MIN_GAP = Duration.ofSeconds(15);

    private final Ec2Gateway ec2;
    private final Duration interval;
    private final Set<String> asked = new HashSet<>();
    private Instant lastCallAt;
    private boolean lastFailed;

    FreeIpRefresh(Ec2Gateway ec2, Duration interval) {
        this.ec2 = ec2;
        this.interval = interval;
    }

    /** The subnets' free-IP counts when a DescribeSubnets call was due and answered; empty otherwise. */
    List<SubnetCapacity> refreshIfDue(Set<String> subnets, Instant now) {
        if (subnets.isEmpty() || !due(subnets, now)) {
            return List.of();
        }
        lastCallAt = now;
        Ec2Result<List<SubnetCapacity>> result = ec2.describeSubnets(new TreeSet<>(subnets));
        if (result instanceof Ec2Result.Ok<List<SubnetCapacity>> ok) {
            asked.addAll(subnets);
            if (lastFailed) {
                DecisionLine.action("describe-subnets").with("result", "ok")
                        .quoted("reason", "free-IP counts are current again").info(LOG);
            }
            lastFailed = false;
            return ok.value();
        } else {
            if (!lastFailed) {
                DecisionLine.action("describe-subnets").with("result", "failed").quoted("reason", result.describe()
                        + "; subnet steering goes on with the last free-IP counts (trusted up to"
                        + " reconciler.subnets.free-ips-max-age) and the failures it sees; check the task role's"
                        + " ec2:DescribeSubnets permission").warn(LOG);
            }
            lastFailed = true;
            return List.of();
        }
    }

    private boolean due(Set<String> subnets, Instant now) {
        if (lastCallAt == null) {
            return true;
        }
        Duration since = Duration.between(lastCallAt, now);
        boolean soonerWanted = lastFailed || !asked.containsAll(subnets);
        return since.compareTo(interval) >= 0 || (soonerWanted && since.compareTo(MIN_GAP) >= 0);
    }
}
