package io.fargatereconciler.loop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoopEventSinkTest {
    private static final String PROD_ARN = "arn:aws:ecs:eu-west-1:123456789012:cluster/prod";

    @Test
    void anEventsClusterArnMatchesADesiredClusterGivenByNameOrByArn() {
        assertThat(LoopEventSink.sameCluster("prod", PROD_ARN)).isTrue();
        assertThat(LoopEventSink.sameCluster(PROD_ARN, PROD_ARN)).isTrue();
    }

    @Test
    void anEventsClusterArnDoesNotMatchAnotherCluster() {
        assertThat(LoopEventSink.sameCluster("staging", PROD_ARN)).isFalse();
        assertThat(LoopEventSink.sameCluster("arn:aws:ecs:eu-west-1:123456789012:cluster/production", PROD_ARN))
                .isFalse();
    }
}
