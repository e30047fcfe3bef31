package io.fargatereconciler.sim.ecs;

/** ARNs of the simulated account, in the shapes ECS writes (the "long" ARN format with the cluster name). */
public record Arns(String region, String accountId) {
    private String prefix() {
        return "arn:aws:ecs:" + region + ":" + accountId + ":";
    }

    public String cluster(String name) {
        return prefix() + "cluster/" + name;
    }

    public String task(String cluster, String taskId) {
        return prefix() + "task/" + cluster + "/" + taskId;
    }

    public String taskDefinition(String family, int revision) {
        return prefix() + "task-definition/" + family + ":" + revision;
    }

    public String attachment(String attachmentId) {
        return prefix() + "attachment/" + attachmentId;
    }

    public String container(String cluster, String taskId, String containerId) {
        return prefix() + "container/" + cluster + "/" + taskId + "/" + containerId;
    }

    /** True when {@code value} is an ECS ARN of this account's region with the given resource type. */
    public boolean isArn(String value, String resourceType) {
        return value.startsWith("arn:aws:ecs:") && value.contains(":" + resourceType + "/");
    }

    /** The part after the resource type, e.g. {@code payments/abc} of a task ARN. */
    public static String resource(String arn) {
        int colon = arn.indexOf(':', arn.indexOf(":ecs:") + 5);
        colon = arn.indexOf(':', colon + 1);
        String tail = arn.substring(colon + 1);
        return tail.substring(tail.indexOf('/') + 1);
    }
}
