package io.fargatereconciler.desired;

/**
 * Two teams for tests: payments (folder team-payments, cluster payments-prod) and data (folder team-data, cluster
 * data-batch), their Team documents in {@code teams.yaml}, and one valid resource file each.
 */
public final class TeamsFixture {
    /** The platform's file: two Team documents (payments from line 1, data from line 19). */
    public static final String TEAMS = """
            apiVersion: fargate-reconciler.io/v1alpha1
            kind: Team
            metadata:
              name: payments
            spec:
              folders: [team-payments]
              clusters: [payments-prod]
              taskDefinitionFamilies: [payments-api]
              subnets: [subnet-0a1b2c3d4e5f60718, subnet-0b2c3d4e5f6071829]
              securityGroups: [sg-0123456789abcdef0]
              topics: [arn:aws:sns:eu-west-1:123456789012:payments-oncall]
              passRoles: [arn:aws:iam::123456789012:role/payments-api-task]
              quotas:
                maxReplicasPerGroup: 5
                maxTasks: 8
            ---
            apiVersion: fargate-reconciler.io/v1alpha1
            kind: Team
            metadata:
              name: data
            spec:
              folders: [team-data]
              clusters: [data-batch]
              taskDefinitionFamilies: [ledger-export]
              subnets: [subnet-0d4e5f60718293a4b]
              securityGroups: [sg-0fedcba9876543210]
            """;

    /** Team payments' TaskGroup; {@code cluster} on line 7, the subnets on line 10. */
    public static final String PAYMENTS_API = """
            apiVersion: fargate-reconciler.io/v1alpha1
            kind: TaskGroup
            metadata:
              name: payments-api
            spec:
              replicas: 3
              cluster: payments-prod
              taskDefinition: payments-api:42
              network:
                subnets: [subnet-0a1b2c3d4e5f60718, subnet-0b2c3d4e5f6071829]
                securityGroups: [sg-0123456789abcdef0]
            """;

    /** Team data's TaskGroup. */
    public static final String DATA_EXPORT = """
            apiVersion: fargate-reconciler.io/v1alpha1
            kind: TaskGroup
            metadata:
              name: ledger-export
            spec:
              replicas: 1
              cluster: data-batch
              taskDefinition: ledger-export:7
              network:
                subnets: [subnet-0d4e5f60718293a4b]
                securityGroups: [sg-0fedcba9876543210]
            """;

    private TeamsFixture() {
    }

    /** Writes the Team documents and both teams' files into {@code folder}. */
    public static DesiredStateFixture twoTeams(DesiredStateFixture folder) {
        return folder.write("teams.yaml", TEAMS).write("team-payments/api.yaml", PAYMENTS_API)
                .write("team-data/export.yaml", DATA_EXPORT);
    }
}
