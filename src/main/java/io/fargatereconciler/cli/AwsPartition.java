package io.fargatereconciler.cli;

import java.util.Optional;

/**
 * The ARN partition of a region: {@code aws-cn} for China ({@code cn-north-1}), {@code aws-us-gov} for GovCloud
 * ({@code us-gov-west-1}), the ISO partitions for theirs, {@code aws} for every other region and when no region is
 * given (a policy for "any region" is written for the commercial partition).
 */
final class AwsPartition {
    private AwsPartition() {
    }

    static String of(Optional<String> region) {
        return region.map(AwsPartition::of).orElse("aws");
    }

    static String of(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        if (region.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        if (region.startsWith("us-isob-")) {
            return "aws-iso-b";
        }
        if (region.startsWith("us-isof-")) {
            return "aws-iso-f";
        }
        if (region.startsWith("eu-isoe-")) {
            return "aws-iso-e";
        }
        if (region.startsWith("us-iso-")) {
            return "aws-iso";
        }
        return "aws";
    }
}
