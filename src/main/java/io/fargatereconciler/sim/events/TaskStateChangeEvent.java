package io.fargatereconciler.sim.events;

import java.time.Instant;

/**
 * One EventBridge "ECS Task State Change" event.
 *
 * @param id            the event id
 * @param time          when the change happened (simulated time)
 * @param taskArn       the task
 * @param lastStatus    its lastStatus after the change
 * @param desiredStatus its desiredStatus after the change
 * @param version       {@code detail.version}: grows with every change of the task, so late duplicates can be
 *                      recognised
 * @param json          the whole event as AWS delivers it (envelope and detail)
 */
public record TaskStateChangeEvent(String id, Instant time, String taskArn, String lastStatus, String desiredStatus,
                                   long version, String json) {
}
