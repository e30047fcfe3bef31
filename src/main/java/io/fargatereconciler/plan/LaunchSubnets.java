package io.fargatereconciler.plan;

import io.fargatereconciler.plan.subnet.SubnetFailureKind;
import io.fargatereconciler.plan.subnet.SubnetHealthBook;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a RunTask answer teaches the subnet-health book: an ENI or IP-exhaustion {@code failures[]} entry counts
 * against the subnet it names, or against the launch's only subnet; tasks started into a single subnet count as
 * starting there until an observation lists them (so a subnet's probe batch holds while ListTasks lags).
 */
final class LaunchSubnets {
    private static final Pattern SUBNET_ID = Pattern.compile("subnet-[0-9a-f]+");

    private LaunchSubnets() {
    }

    static SubnetHealthBook afterLaunch(SubnetHealthBook book, Launch launch, LaunchResult result, Instant now) {
        SubnetHealthBook next = book;
        String only = launch.subnets().size() == 1 ? launch.subnets().get(0) : null;
        for (LaunchFailure failure : result.failures()) {
            Optional<SubnetFailureKind> kind = SubnetFailureKind.of(failure.cause());
            String text = failure.reason() + (failure.detail() == null ? "" : " (" + failure.detail() + ")");
            Matcher named = SUBNET_ID.matcher(text);
            String subnet = named.find() ? named.group() : only;
            if (kind.isPresent() && subnet != null) {
                next = next.afterFailure(subnet, kind.get(), text, now, now);
            }
        }
        if (only != null && result.outcome() == LaunchResult.Outcome.STARTED) {
            next = next.afterStartedInto(only, result.taskArns(), now);
        }
        return next;
    }
}
