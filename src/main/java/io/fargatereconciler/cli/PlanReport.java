package io.fargatereconciler.cli;

import io.fargatereconciler.desired.DesiredState;
import io.fargatereconciler.desired.Job;
import io.fargatereconciler.desired.ResourceKey;
import io.fargatereconciler.desired.TaskGroup;
import io.fargatereconciler.plan.CopyCounts;
import io.fargatereconciler.plan.GroupStatus;
import io.fargatereconciler.plan.Hold;
import io.fargatereconciler.plan.Launch;
import io.fargatereconciler.plan.Plan;
import io.fargatereconciler.plan.Stop;
import io.fargatereconciler.plan.job.JobStatus;
import java.time.Instant;

/** What {@code plan} prints: per group its copies and what the daemon would do, like {@code terraform plan}. */
final class PlanReport {
    private final DesiredState desired;
    private final Plan plan;
    private final Instant now;

    PlanReport(DesiredState desired, Plan plan, Instant now) {
        this.desired = desired;
        this.plan = plan;
        this.now = now;
    }

    /** True when the daemon would launch or stop something now. */
    boolean changesPending() {
        return !plan.actions().isEmpty();
    }

    /** True when nothing is to launch or stop now but some group is held back short of its desired copies. */
    boolean held() {
        return !changesPending() && plan.groups().values().stream().anyMatch(PlanReport::unsettled);
    }

    String text(String folder) {
        StringBuilder text = new StringBuilder();
        text.append("plan for ").append(folder).append(" against ").append(desired.clusters().size())
                .append(desired.clusters().size() == 1 ? " cluster" : " clusters")
                .append(" (read-only; the daemon would do this on its first pass)\n\n");
        for (TaskGroup group : desired.taskGroups()) {
            GroupStatus status = plan.groups().get(group.key());
            CopyCounts copies = status.copies();
            text.append(group.key()).append(" in ").append(group.task().cluster()).append(": ")
                    .append(copies.running()).append(" of ").append(copies.desired()).append(" running, ")
                    .append(copies.pending()).append(" pending, ").append(copies.upToDate()).append(" up to date\n");
            int before = text.length();
            appendActions(text, group.key());
            int outdated = copies.live() - copies.upToDate();
            if (outdated > 0) {
                text.append("  ~ roll: ").append(outdated).append(" of ").append(copies.live())
                        .append(" live copies run an older spec; replaced ").append(group.rollout().maxSurge())
                        .append(" at a time (rollout.maxSurge)\n");
            }
            if (status.hold() != Hold.NONE) {
                text.append("  = wait: ").append(status.holdReason(now)).append('\n');
            }
            if (text.length() == before) {
                text.append("  no changes\n");
            }
        }
        for (Job job : desired.jobs()) {
            text.append(job.key()).append(" in ").append(job.task().cluster()).append(": ").append(jobLine(job)).append('\n');
            int before = text.length();
            appendActions(text, job.key());
            if (text.length() == before) {
                text.append("  no changes\n");
            }
        }
        plan.orphans().forEach((group, orphan) -> text.append(group).append(": ").append(orphan.tasks().size())
                .append(" live copies whose group is not in the desired state (orphans); the daemon stops them only"
                        + " with reconciler.orphans.stop-after, once orphaned that long\n"));
        text.append('\n').append(summary());
        return text.toString();
    }

    private void appendActions(StringBuilder text, ResourceKey key) {
        for (Launch launch : plan.launches()) {
            if (launch.group().equals(key)) {
                text.append("  + launch ").append(launch.count()).append(launch.count() == 1 ? " copy" : " copies")
                        .append(" of ").append(launch.task().taskDefinition()).append(" into ")
                        .append(String.join(", ", launch.subnets())).append(": ").append(launch.reason()).append('\n');
            }
        }
        for (Stop stop : plan.stops()) {
            if (stop.group().equals(key)) {
                text.append("  - stop ").append(stop.taskArn()).append(": ").append(stop.reason()).append('\n');
            }
        }
    }

    private String jobLine(Job job) {
        JobStatus status = plan.jobs().get(job.key());
        if (status == null) {
            return "not planned";
        }
        StringBuilder line = new StringBuilder().append(status.active().size()).append(" run")
                .append(status.active().size() == 1 ? "" : "s").append(" in progress");
        if (status.suspended()) {
            line.append(", suspended");
        }
        if (status.nextScheduleTime() != null) {
            line.append(", next scheduled run ").append(status.nextScheduleTime());
        }
        return line.toString();
    }

    private String summary() {
        if (held()) {
            long groups = plan.groups().values().stream().filter(PlanReport::unsettled).count();
            return "Nothing to launch or stop now: " + groups + (groups == 1 ? " group is" : " groups are")
                    + " held short of the desired copies (see \"= wait\"); the daemon launches once the hold ends.\n";
        }
        if (!changesPending()) {
            return "No changes: every group has its desired copies.\n";
        }
        int launches = plan.launches().stream().mapToInt(Launch::count).sum();
        return "Plan: " + launches + " to launch, " + plan.stops().size() + " to stop.\n";
    }

    private static boolean unsettled(GroupStatus status) {
        CopyCounts copies = status.copies();
        return status.hold() != Hold.NONE || copies.live() != copies.desired() || copies.upToDate() < copies.desired();
    }
}
