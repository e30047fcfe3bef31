package io.fargatereconciler.sim.ecs;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** A cluster and its tasks, by launch order (for stable ListTasks paging) and by id. */
public final class SimCluster {
    private final String name;
    private final String arn;
    private final Map<String, String> tags = new LinkedHashMap<>();
    private final NavigableMap<Long, SimTask> tasksBySequence = new TreeMap<>();
    private final Map<String, SimTask> tasksById = new HashMap<>();

    public SimCluster(String name, String arn) {
        this.name = name;
        this.arn = arn;
    }

    public String name() {
        return name;
    }

    public String arn() {
        return arn;
    }

    public Map<String, String> tags() {
        return tags;
    }

    public void add(SimTask task) {
        tasksBySequence.put(task.sequence(), task);
        tasksById.put(task.id(), task);
    }

    public void remove(SimTask task) {
        tasksBySequence.remove(task.sequence());
        tasksById.remove(task.id());
    }

    public SimTask task(String id) {
        return tasksById.get(id);
    }

    /** Tasks in launch order; not a copy: read under the simulation lock. */
    public NavigableMap<Long, SimTask> tasks() {
        return tasksBySequence;
    }
}
