package io.fargatereconciler.aws;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClientException;
import software.amazon.awssdk.services.ecs.model.Cluster;
import software.amazon.awssdk.services.ecs.model.DescribeClustersRequest;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.GetRoleRequest;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.GetTopicAttributesRequest;
import software.amazon.awssdk.services.sns.model.NotFoundException;

/**
 * {@link AccountInventory} on SDK v2 clients that can only read: each refuses every request but its describe calls
 * before it is sent. ECS, EC2 and SNS connect where {@code endpoint} says (else the SDK's settings); IAM is global
 * and signs for its partition's global region, at the same endpoint override when one is given.
 */
public final class SdkAccountInventory implements AccountInventory {
    /** DescribeClusters takes at most 100 clusters, an EC2 filter at most 200 values. */
    private static final int CLUSTERS_PER_CALL = 100;
    private static final int FILTER_VALUES = 200;

    private final EcsClient ecs;
    private final Ec2Client ec2;
    private final SnsClient sns;
    private final IamClient iam;

    private SdkAccountInventory(EcsClient ecs, Ec2Client ec2, SnsClient sns, IamClient iam) {
        this.ecs = ecs;
        this.ec2 = ec2;
        this.sns = sns;
        this.iam = iam;
    }

    /** Connects where {@code endpoint} says; throws {@link IllegalStateException} when no region can be found. */
    public static SdkAccountInventory connect(AwsEndpoint endpoint) {
        try {
            EcsClient ecs = endpoint.applyTo(EcsClient.builder()).httpClientBuilder(UrlConnectionHttpClient.builder())
                    .overrideConfiguration(readOnly(new ReadOnlyRequests("ECS",
                            Set.of(DescribeClustersRequest.class, DescribeTaskDefinitionRequest.class)))).build();
            Ec2Client ec2 = endpoint.applyTo(Ec2Client.builder()).httpClientBuilder(UrlConnectionHttpClient.builder())
                    .overrideConfiguration(readOnly(new ReadOnlyRequests("EC2",
                            Set.of(DescribeSubnetsRequest.class, DescribeSecurityGroupsRequest.class)))).build();
            SnsClient sns = endpoint.applyTo(SnsClient.builder()).httpClientBuilder(UrlConnectionHttpClient.builder())
                    .overrideConfiguration(readOnly(new ReadOnlyRequests("SNS", Set.of(GetTopicAttributesRequest.class))))
                    .build();
            Region region = ecs.serviceClientConfiguration().region();
            var iamBuilder = IamClient.builder().region(globalRegionOf(region))
                    .httpClientBuilder(UrlConnectionHttpClient.builder())
                    .overrideConfiguration(readOnly(new ReadOnlyRequests("IAM", Set.of(GetRoleRequest.class))));
            if (endpoint.endpointOverride() != null) {
                iamBuilder.endpointOverride(endpoint.endpointOverride());
            }
            return new SdkAccountInventory(ecs, ec2, sns, iamBuilder.build());
        } catch (SdkClientException noRegion) {
            throw new IllegalStateException("cannot build the AWS clients: " + noRegion.getMessage()
                    + ". Set AWS_REGION (or AWS_PROFILE with a region), or pass --region", noRegion);
        }
    }

    @Override
    public Lookup<Set<String>> activeClusters(Collection<String> clusters) {
        return ask("ECS DescribeClusters", () -> {
            List<String> all = List.copyOf(new TreeSet<>(clusters));
            Set<String> active = new TreeSet<>();
            for (int from = 0; from < all.size(); from += CLUSTERS_PER_CALL) {
                List<String> batch = all.subList(from, Math.min(all.size(), from + CLUSTERS_PER_CALL));
                for (Cluster cluster : ecs.describeClusters(request -> request.clusters(batch)).clusters()) {
                    if ("ACTIVE".equals(cluster.status())) {
                        batch.stream().filter(named -> named.equals(cluster.clusterName())
                                || named.equals(cluster.clusterArn())).forEach(active::add);
                    }
                }
            }
            return active;
        });
    }

    @Override
    public Lookup<Optional<TaskDefinitionRoles>> taskDefinition(String reference) {
        return ask("ECS DescribeTaskDefinition", () -> {
            try {
                TaskDefinition found = ecs.describeTaskDefinition(request -> request.taskDefinition(reference))
                        .taskDefinition();
                return Optional.of(new TaskDefinitionRoles(found.taskDefinitionArn(), found.taskRoleArn(),
                        found.executionRoleArn()));
            } catch (ClientException notThere) {
                return Optional.empty(); // ECS answers "Unable to describe task definition." for one it does not have
            }
        });
    }

    @Override
    public Lookup<Set<String>> existingSubnets(Collection<String> subnetIds) {
        return ask("EC2 DescribeSubnets", () -> {
            Set<String> found = new TreeSet<>();
            for (List<String> batch : batches(subnetIds)) {
                ec2.describeSubnetsPaginator(request -> request.filters(Filter.builder().name("subnet-id")
                        .values(batch).build())).subnets().stream().map(Subnet::subnetId).forEach(found::add);
            }
            return found;
        });
    }

    @Override
    public Lookup<Set<String>> existingSecurityGroups(Collection<String> groupIds) {
        return ask("EC2 DescribeSecurityGroups", () -> {
            Set<String> found = new TreeSet<>();
            for (List<String> batch : batches(groupIds)) {
                ec2.describeSecurityGroupsPaginator(request -> request.filters(Filter.builder().name("group-id")
                        .values(batch).build())).securityGroups().stream().map(SecurityGroup::groupId)
                        .forEach(found::add);
            }
            return found;
        });
    }

    @Override
    public Lookup<Boolean> topicExists(String topicArn) {
        return ask("SNS GetTopicAttributes", () -> {
            try {
                sns.getTopicAttributes(request -> request.topicArn(topicArn));
                return true;
            } catch (NotFoundException notThere) {
                return false;
            }
        });
    }

    @Override
    public Lookup<Boolean> roleExists(String roleArn) {
        String name = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        return ask("IAM GetRole", () -> {
            try {
                return iam.getRole(request -> request.roleName(name)).role().arn().equals(roleArn);
            } catch (NoSuchEntityException notThere) {
                return false;
            }
        });
    }

    @Override
    public void close() {
        ecs.close();
        ec2.close();
        sns.close();
        iam.close();
    }

    private static <T> Lookup<T> ask(String operation, Supplier<T> call) {
        try {
            return new Lookup.Found<>(call.get());
        } catch (AwsServiceException refused) {
            return new Lookup.Failed<>(operation, refused.awsErrorDetails().errorCode() + ": "
                    + refused.awsErrorDetails().errorMessage());
        } catch (SdkException unreachable) {
            return new Lookup.Failed<>(operation, unreachable.getMessage());
        }
    }

    private static List<List<String>> batches(Collection<String> values) {
        List<String> all = List.copyOf(new TreeSet<>(values));
        List<List<String>> batches = new ArrayList<>();
        for (int from = 0; from < all.size(); from += FILTER_VALUES) {
            batches.add(all.subList(from, Math.min(all.size(), from + FILTER_VALUES)));
        }
        return batches;
    }

    /** IAM signs for its partition's global region: aws-global, aws-cn-global, aws-us-gov-global. */
    private static Region globalRegionOf(Region region) {
        String id = region == null ? "" : region.id();
        if (id.startsWith("cn-")) {
            return Region.AWS_CN_GLOBAL;
        }
        if (id.startsWith("us-gov-")) {
            return Region.AWS_US_GOV_GLOBAL;
        }
        return Region.AWS_GLOBAL;
    }

    private static ClientOverrideConfiguration readOnly(ReadOnlyRequests guard) {
        return ClientOverrideConfiguration.builder().retryStrategy(AwsRetryStrategy.standardRetryStrategy())
                .addExecutionInterceptor(guard).build();
    }
}
