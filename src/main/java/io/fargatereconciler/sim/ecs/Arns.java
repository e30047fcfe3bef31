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

    /** True when {@code value} is an ECS ARN ({@code arn:aws:ecs:REGION:ACCOUNT:TYPE/...}) of the resource type. */
    public boolean isArn(String value, String resourceType) {
        String[] parts = value.split(":", 6);
        return parts.length == 6 && parts[0].equals("arn") && parts[2].equals("ecs")
                && parts[5].startsWith(resourceType + "/");
    }

    /** The part after the resource type, e.g. {@code payments/abc} of a task ARN; the input if it is no ARN. */
    public static String resource(String arn) {
        String[] parts = arn.split(":", 6);
        if (parts.length < 6) {
            return arn;
        }
        int slash = parts[5].indexOf('/');
        return slash < 0 ? parts[5] : parts[5].substring(slash + 1);
    }
}
