package io.fargatereconciler.testing;

/**
 * EventBridge "ECS Task State Change" events shaped like the ones ECS sends (see the ECS developer guide's example),
 * as an SQS target receives them: the whole envelope as the message body.
 */
public final class TaskStateChangeEvents {
    public static final String CLUSTER_ARN = "arn:aws:ecs:us-west-2:111122223333:cluster/FargateCluster";

    private TaskStateChangeEvents() {
    }

    public static String taskArn(String id) {
        return "arn:aws:ecs:us-west-2:111122223333:task/FargateCluster/" + id;
    }

    /** An event for task {@code id} in {@code lastStatus}, carrying {@code detail.version} and {@code startedBy}. */
    public static String event(String id, String lastStatus, long version, String startedBy) {
        String desired = "STOPPED".equals(lastStatus) ? "STOPPED" : "RUNNING";
        return """
                {
                  "version": "0",
                  "id": "3317b2af-7005-947d-b652-%s",
                  "detail-type": "ECS Task State Change",
                  "source": "aws.ecs",
                  "account": "111122223333",
                  "time": "2030-01-23T17:57:58Z",
                  "region": "us-west-2",
                  "resources": ["%s"],
                  "detail": {
                    "attachments": [{"id": "1789bcae-ddfb-4d10-8ebe-8ac87ddba5b8", "type": "eni", "status": "ATTACHED",
                      "details": [{"name": "subnetId", "value": "subnet-abcd1234"}]}],
                    "availabilityZone": "us-west-2c",
                    "clusterArn": "%s",
                    "containers": [{"name": "app", "lastStatus": "%s", "taskArn": "%s"}],
                    "createdAt": "2030-01-23T17:57:34.402Z",
                    "launchType": "FARGATE",
                    "cpu": "256",
                    "memory": "512",
                    "desiredStatus": "%s",
                    "group": "family:sample-fargate",
                    "lastStatus": "%s",
                    "startedBy": "%s",
                    "stopCode": "TaskFailedToStart",
                    "stoppedReason": "Timeout waiting for network interface provisioning to complete.",
                    "updatedAt": "2030-01-23T17:57:58.103Z",
                    "taskArn": "%s",
                    "taskDefinitionArn": "arn:aws:ecs:us-west-2:111122223333:task-definition/sample-fargate:1",
                    "version": %d,
                    "platformVersion": "1.4.0"
                  }
                }
                """.formatted(Long.toHexString(version) + id.hashCode(), taskArn(id), CLUSTER_ARN, lastStatus,
                taskArn(id), desired, lastStatus, startedBy, taskArn(id), version);
    }
}
