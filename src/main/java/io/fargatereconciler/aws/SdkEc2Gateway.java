package io.fargatereconciler.aws;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/** {@link Ec2Gateway} on the SDK's {@link Ec2Client}. */
public final class SdkEc2Gateway implements Ec2Gateway {
    /** DescribeSubnets filter values per call (EC2 allows 1,000 per request; kept well below). */
    private static final int SUBNETS_PER_CALL = 200;

    private final Ec2Client ec2;

    public SdkEc2Gateway(Ec2Client ec2) {
        this.ec2 = ec2;
    }

    @Override
    public Ec2Result<List<SubnetCapacity>> describeSubnets(Collection<String> subnetIds) {
        List<String> ids = List.copyOf(subnetIds);
        List<SubnetCapacity> found = new ArrayList<>();
        try {
            for (int from = 0; from < ids.size(); from += SUBNETS_PER_CALL) {
                // A filter, not SubnetIds: one mistyped id in a desired-state file must not hide every other subnet.
                Filter byId = Filter.builder().name("subnet-id")
                        .values(ids.subList(from, Math.min(ids.size(), from + SUBNETS_PER_CALL))).build();
                for (Subnet subnet : ec2.describeSubnets(r -> r.filters(byId)).subnets()) {
                    found.add(new SubnetCapacity(subnet.subnetId(), subnet.availabilityZone(),
                            subnet.availableIpAddressCount() == null ? 0 : subnet.availableIpAddressCount()));
                }
            }
            return new Ec2Result.Ok<>(List.copyOf(found));
        } catch (SdkException e) {
            return failed("DescribeSubnets", e);
        }
    }

    @Override
    public Ec2Result<String> createNetworkInterface(String subnetId, List<String> securityGroups, String description,
                                                    Map<String, String> tags) {
        TagSpecification tagging = TagSpecification.builder().resourceType(ResourceType.NETWORK_INTERFACE)
                .tags(tags.entrySet().stream().map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build())
                        .toList())
                .build();
        try {
            String id = ec2.createNetworkInterface(r -> r.subnetId(subnetId).groups(securityGroups)
                    .description(description).tagSpecifications(tagging)).networkInterface().networkInterfaceId();
            return new Ec2Result.Ok<>(id);
        } catch (SdkException e) {
            return failed("CreateNetworkInterface", e);
        }
    }

    @Override
    public Ec2Result<Boolean> deleteNetworkInterface(String networkInterfaceId) {
        try {
            ec2.deleteNetworkInterface(r -> r.networkInterfaceId(networkInterfaceId));
            return new Ec2Result.Ok<>(true);
        } catch (SdkException e) {
            if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                    && "InvalidNetworkInterfaceID.NotFound".equals(aws.awsErrorDetails().errorCode())) {
                return new Ec2Result.Ok<>(false);
            }
            return failed("DeleteNetworkInterface", e);
        }
    }

    @Override
    public Ec2Result<List<String>> networkInterfacesTagged(String tagKey, String tagValue) {
        try {
            Filter byTag = Filter.builder().name("tag:" + tagKey).values(tagValue).build();
            return new Ec2Result.Ok<>(ec2.describeNetworkInterfaces(r -> r.filters(byTag)).networkInterfaces()
                    .stream().map(eni -> eni.networkInterfaceId()).toList());
        } catch (SdkException e) {
            return failed("DescribeNetworkInterfaces", e);
        }
    }

    private static <T> Ec2Result<T> failed(String operation, SdkException e) {
        if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
            String code = aws.awsErrorDetails().errorCode() == null ? "HTTP" + aws.statusCode()
                    : aws.awsErrorDetails().errorCode();
            String message = aws.awsErrorDetails().errorMessage() == null ? String.valueOf(aws.getMessage())
                    : aws.awsErrorDetails().errorMessage();
            return new Ec2Result.Failed<>(operation, code, message);
        }
        return new Ec2Result.Failed<>(operation, "Unreachable", "no answer from EC2: " + e.getMessage());
    }
}
