package io.fargatereconciler.loop.subnets;

import io.fargatereconciler.aws.Ec2Gateway;
import io.fargatereconciler.aws.Ec2Result;
import io.fargatereconciler.desired.DesiredResource;
import io.fargatereconciler.desired.DesiredState;
import io.fargatereconciler.loop.DecisionLine;
import io.fargatereconciler.loop.PassRecorder;
import io.fargatereconciler.plan.subnet.SubnetFailureKind;
import io.fargatereconciler.plan.subnet.SubnetHealth;
import io.fargatereconciler.plan.subnet.SubnetHealthBook;
import io.fargatereconciler.plan.subnet.TestEniOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The AWS knowledge-center check for "Timeout waiting for network interface provisioning to complete", automated:
 * after {@code reconciler.diagnostics.test-eni-after-failures} ENI failures in a subnet, create a network interface
 * there with the security groups of a group that uses it, then delete it. Created → the subnet is fine, the trouble
 * is on the Fargate side; refused for addresses or quota → the subnet (or account) is the problem. At most one test
 * per pass, each subnet at most every {@code test-eni-min-interval}, and only after new failures.
 * <p>
 * Never leaves an interface behind: the delete runs in a finally path; a delete that fails is retried on every later
 * pass; interfaces tagged as ours that an earlier process left (it died between create and delete) are swept on the
 * first pass.
 */
final class TestEniDiagnosis {
    private static final Logger LOG = Logger.getLogger(TestEniDiagnosis.class);
    static final String TAG = "fargate-reconciler/test-eni";
    static final String DESCRIPTION = "fargate-reconciler test ENI (diagnosis of ENI provisioning failures); "
            + "safe to delete";

    private final Ec2Gateway ec2;
    private final String ownerId;
    private final DiagnosticsConfig config;
    private final PassRecorder recorder;
    private final Set<String> pendingDeletes = new LinkedHashSet<>();
    private boolean swept;

    TestEniDiagnosis(Ec2Gateway ec2, String ownerId, DiagnosticsConfig config, PassRecorder recorder) {
        this.ec2 = ec2;
        this.ownerId = ownerId;
        this.config = config;
        this.recorder = recorder;
    }

    /** The outcome of a test-ENI diagnosis in one subnet. */
    record Tested(String subnetId, TestEniOutcome outcome) {
    }

    /**
     * Cleans up (sweep once, then leftover deletes), then tests at most one subnet that {@code book} says is due;
     * returns that test's outcome.
     */
    Optional<Tested> runIfDue(DesiredState desired, SubnetHealthBook book, Instant now) {
        if (!swept) {
            sweep();
        }
        deletePending();
        return dueSubnet(desired, book, now).map(subnet -> test(subnet, securityGroupsFor(desired, subnet), now));
    }

    /** Interfaces whose delete failed and are not yet retried successfully. */
    Set<String> pendingDeletes() {
        return Set.copyOf(pendingDeletes);
    }

    private void sweep() {
        Ec2Result<List<String>> leftovers = ec2.networkInterfacesTagged(TAG, ownerId);
        if (leftovers instanceof Ec2Result.Ok<List<String>> ok) {
            swept = true;
            if (!ok.value().isEmpty()) {
                DecisionLine.action("sweep-test-eni").with("count", ok.value().size()).quoted("reason", "test network"
                        + " interfaces tagged " + TAG + "=" + ownerId + " left by an earlier process; deleting them")
                        .warn(LOG);
            }
            pendingDeletes.addAll(ok.value());
        } else {
            DecisionLine.action("sweep-test-eni").with("result", "failed")
                    .quoted("reason", leftovers.describe() + "; tried again next pass").warn(LOG);
        }
    }

    private void deletePending() {
        for (String id : List.copyOf(pendingDeletes)) {
            if (delete(id)) {
                pendingDeletes.remove(id);
                DecisionLine.action("delete-test-eni").with("eni", id).with("result", "ok")
                        .quoted("reason", "left over from an earlier test").info(LOG);
            }
        }
    }

    private Optional<String> dueSubnet(DesiredState desired, SubnetHealthBook book, Instant now) {
        Set<String> used = new LinkedHashSet<>();
        desired.resources().values().forEach(r -> used.addAll(r.task().network().subnets()));
        return used.stream().map(book::health).filter(h -> due(h, now)).map(SubnetHealth::subnetId).findFirst();
    }

    private boolean due(SubnetHealth health, Instant now) {
        boolean eniTrouble = health.lastFailure() == SubnetFailureKind.ENI_PROVISIONING
                || health.lastFailure() == SubnetFailureKind.ENI_PROVISIONING_STALLED;
        if (!eniTrouble || health.recentFailures() < config.testEniAfterFailures()) {
            return false;
        }
        TestEniOutcome last = health.lastTestEni();
        if (last == null) {
            return true;
        }
        Duration since = Duration.between(last.at(), now);
        return since.compareTo(config.testEniMinInterval()) >= 0 && health.lastFailureAt().isAfter(last.at());
    }

    private Tested test(String subnet, List<String> securityGroups, Instant now) {
        Ec2Result<String> created = ec2.createNetworkInterface(subnet, securityGroups, DESCRIPTION,
                Map.of(TAG, ownerId));
        TestEniOutcome outcome;
        if (created instanceof Ec2Result.Ok<String> ok) {
            try {
                outcome = new TestEniOutcome(now, TestEniOutcome.Result.CREATED, ok.value());
            } finally {
                if (!delete(ok.value())) {
                    pendingDeletes.add(ok.value());
                    DecisionLine.action("delete-test-eni").with("eni", ok.value()).with("result", "failed")
                            .quoted("reason", "retried every pass until gone").warn(LOG);
                }
            }
        } else {
            Ec2Result.Failed<String> failed = (Ec2Result.Failed<String>) created;
            outcome = new TestEniOutcome(now, resultOf(failed.errorCode()), failed.errorCode() + ": " + failed.message());
        }
        recorder.testEni(subnet, outcome.result());
        DecisionLine.about("subnet", subnet, "test-eni").with("result", outcome.result())
                .with("security-groups", securityGroups).quoted("reason", outcome.advice()).warn(LOG);
        return new Tested(subnet, outcome);
    }

    /** True when the interface is gone (deleted now, or already). */
    private boolean delete(String id) {
        Ec2Result<Boolean> deleted = ec2.deleteNetworkInterface(id);
        if (deleted instanceof Ec2Result.Failed<Boolean>) {
            DecisionLine.action("delete-test-eni").with("eni", id).with("result", "failed")
                    .quoted("reason", deleted.describe()).warn(LOG);
            return false;
        }
        return true;
    }

    private static TestEniOutcome.Result resultOf(String errorCode) {
        return switch (errorCode) {
            case "InsufficientFreeAddressesInSubnet" -> TestEniOutcome.Result.NO_FREE_IPS;
            case "NetworkInterfaceLimitExceeded" -> TestEniOutcome.Result.QUOTA_EXCEEDED;
            default -> TestEniOutcome.Result.FAILED;
        };
    }

    private static List<String> securityGroupsFor(DesiredState desired, String subnet) {
        return desired.resources().values().stream().map(DesiredResource::task)
                .filter(task -> task.network().subnets().contains(subnet))
                .map(task -> task.network().securityGroups()).findFirst().orElse(List.of());
    }
}
