package io.fargatereconciler.cli;

import io.fargatereconciler.desired.S3Location;
import java.util.List;
import java.util.Optional;

/**
 * What the desired state cannot tell the {@code policy} command: where it runs and which optional features are on.
 * {@code testEni}: the test-ENI diagnosis ({@code reconciler.diagnostics.test-eni}) is on.
 */
record PolicyOptions(Optional<String> account, Optional<String> region, List<String> passRoles, List<String> topics,
                     Optional<String> eventsQueue, Optional<String> stateTable, Optional<S3Location> s3Source,
                     boolean testEni) {
    PolicyOptions {
        passRoles = List.copyOf(passRoles);
        topics = List.copyOf(topics);
    }

    /** Options with the test-ENI diagnosis off. */
    PolicyOptions(Optional<String> account, Optional<String> region, List<String> passRoles, List<String> topics,
                  Optional<String> eventsQueue, Optional<String> stateTable, Optional<S3Location> s3Source) {
        this(account, region, passRoles, topics, eventsQueue, stateTable, s3Source, false);
    }
}
