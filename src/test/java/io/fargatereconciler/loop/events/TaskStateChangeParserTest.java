package io.fargatereconciler.loop.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.fargatereconciler.testing.TaskStateChangeEvents;
import org.junit.jupiter.api.Test;

class TaskStateChangeParserTest {
    private final TaskStateChangeParser parser = new TaskStateChangeParser();

    @Test
    void readsTaskClusterStatusStartedByAndVersionOfARealShapedEvent() {
        ParsedEvent parsed = parser.parse(TaskStateChangeEvents.event("abc", "STOPPED", 7, "fargate-reconciler"));

        assertThat(parsed).isInstanceOfSatisfying(ParsedEvent.Change.class, change -> {
            TaskStateChange event = change.change();
            assertThat(event.taskArn()).isEqualTo(TaskStateChangeEvents.taskArn("abc"));
            assertThat(event.clusterArn()).isEqualTo(TaskStateChangeEvents.CLUSTER_ARN);
            assertThat(event.lastStatus()).isEqualTo("STOPPED");
            assertThat(event.desiredStatus()).isEqualTo("STOPPED");
            assertThat(event.startedBy()).isEqualTo("fargate-reconciler");
            assertThat(event.version()).isEqualTo(7);
        });
    }

    @Test
    void namesTheRuleAsTheCauseWhenAnotherEventTypeArrives() {
        ParsedEvent parsed = parser.parse("{\"source\":\"aws.ecs\",\"detail-type\":\"ECS Service Action\",\"detail\":{}}");

        assertThat(parsed).isInstanceOfSatisfying(ParsedEvent.Unparseable.class, unparseable ->
                assertThat(unparseable.reason()).contains("detail-type \"ECS Service Action\"")
                        .contains("the EventBridge rule should match only"));
    }

    @Test
    void rejectsABodyThatIsNotJson() {
        assertThat(parser.parse("hello")).isInstanceOfSatisfying(ParsedEvent.Unparseable.class,
                unparseable -> assertThat(unparseable.reason()).startsWith("not JSON"));
    }

    @Test
    void rejectsAnEventWithoutATaskArn() {
        String body = "{\"source\":\"aws.ecs\",\"detail-type\":\"ECS Task State Change\",\"detail\":"
                + "{\"clusterArn\":\"arn:aws:ecs:us-west-2:1:cluster/c\",\"version\":1}}";

        assertThat(parser.parse(body)).isInstanceOfSatisfying(ParsedEvent.Unparseable.class,
                unparseable -> assertThat(unparseable.reason()).contains("detail.taskArn"));
    }
}
