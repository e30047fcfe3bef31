package io.fargatereconciler.observe;

import io.fargatereconciler.aws.DescribedTasks;
import io.fargatereconciler.aws.EcsTaskReader;
import io.fargatereconciler.aws.EcsResult;
import io.fargatereconciler.aws.TaskArnPage;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Observes one cluster at a time at the lowest API cost: ListTasks filtered by our startedBy (pages of 100), then
 * DescribeTasks with tags in batches of 100 for the listed ARNs plus those we saw live (or launched) before that
 * have left the list, to learn how they stopped. That is ceil(live/100) + ceil((live + vanished)/100) calls per
 * cluster and pass, nothing per task. A task that left the list is described until ECS shows it STOPPED (reported
 * once) or no longer knows it. Not thread-safe: the reconcile loop calls it from its one pass thread.
 */
public final class TaskObserver {
    /** ECS keeps STOPPED tasks describable for at least this long; a stop reported once is not reported again. */
    private static final Duration STOP_MEMORY = Duration.ofHours(1);

    private final EcsTaskReader ecs;
    private final InstantSource clock;
    private final Map<String, Set<String>> unresolvedByCluster = new HashMap<>();
    private final Map<String, Instant> reportedStops = new HashMap<>();

    public TaskObserver(EcsTaskReader ecs, InstantSource clock) {
        this.ecs = Objects.requireNonNull(ecs, "ecs");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Tasks RunTask just started: described on the next observation even if ListTasks does not show them yet. */
    public void rememberLaunched(String cluster, Collection<String> taskArns) {
        unresolvedByCluster.computeIfAbsent(cluster, c -> new LinkedHashSet<>()).addAll(taskArns);
    }

    /** ARNs of tasks that left the list and are still being followed until they are STOPPED. */
    public int followedCount(String cluster) {
        return unresolvedByCluster.getOrDefault(cluster, Set.of()).size();
    }

    /**
     * Lists and describes our tasks in {@code cluster}. On any failed call the whole observation fails (the loop
     * then keeps its previous view of the cluster) and what this observer follows is left unchanged.
     */
    public EcsResult<ObservedCluster> observe(String cluster) {
        EcsResult<List<String>> listed = listAll(cluster);
        if (!(listed instanceof EcsResult.Ok<List<String>> listedOk)) {
            return listed.map(none -> null);
        }
        Set<String> toDescribe = new LinkedHashSet<>(listedOk.value());
        toDescribe.addAll(unresolvedByCluster.getOrDefault(cluster, Set.of()));
        EcsResult<DescribedTasks> described = describeAll(cluster, new ArrayList<>(toDescribe));
        if (!(described instanceof EcsResult.Ok<DescribedTasks> describedOk)) {
            return described.map(none -> null);
        }
        Instant now = clock.instant();
        forgetOldStops(now);
        List<ObservedTask> tasks = new ArrayList<>();
        Set<String> stillFollowed = new LinkedHashSet<>();
        for (ObservedTask task : describedOk.value().tasks()) {
            if (!task.isStopped()) {
                stillFollowed.add(task.taskArn());
                tasks.add(task);
            } else if (reportedStops.putIfAbsent(task.taskArn(), now) == null) {
                tasks.add(task);
            }
        }
        unresolvedByCluster.put(cluster, stillFollowed);
        return EcsResult.ok(new ObservedCluster(cluster, tasks, now));
    }

    private EcsResult<List<String>> listAll(String cluster) {
        List<String> arns = new ArrayList<>();
        String nextToken = null;
        do {
            EcsResult<TaskArnPage> page = ecs.listTasks(cluster, nextToken);
            if (!(page instanceof EcsResult.Ok<TaskArnPage> ok)) {
                return page.map(none -> null);
            }
            arns.addAll(ok.value().taskArns());
            nextToken = ok.value().isLast() ? null : ok.value().nextToken();
        } while (nextToken != null);
        return EcsResult.ok(arns);
    }

    private EcsResult<DescribedTasks> describeAll(String cluster, List<String> arns) {
        List<ObservedTask> tasks = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (int from = 0; from < arns.size(); from += EcsTaskReader.MAX_ARNS_PER_CALL) {
            List<String> batch = arns.subList(from, Math.min(arns.size(), from + EcsTaskReader.MAX_ARNS_PER_CALL));
            EcsResult<DescribedTasks> result = ecs.describeTasks(cluster, List.copyOf(batch));
            if (!(result instanceof EcsResult.Ok<DescribedTasks> ok)) {
                return result;
            }
            tasks.addAll(ok.value().tasks());
            missing.addAll(ok.value().missingArns());
        }
        return EcsResult.ok(new DescribedTasks(tasks, missing));
    }

    private void forgetOldStops(Instant now) {
        reportedStops.values().removeIf(reportedAt -> reportedAt.plus(STOP_MEMORY).isBefore(now));
    }

}
