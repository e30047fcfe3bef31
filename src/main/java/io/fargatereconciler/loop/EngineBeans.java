package io.fargatereconciler.loop;

import io.fargatereconciler.aws.Ec2Clients;
import io.fargatereconciler.aws.EcsClients;
import io.fargatereconciler.aws.EcsConfig;
import io.fargatereconciler.aws.EcsEndpointOverride;
import io.fargatereconciler.aws.EcsGateway;
import io.fargatereconciler.aws.NotificationsConfig;
import io.fargatereconciler.aws.SnsClients;
import io.fargatereconciler.aws.SnsNotifier;
import io.fargatereconciler.aws.SdkEc2Gateway;
import io.fargatereconciler.aws.SdkEcsGateway;
import io.fargatereconciler.desired.DesiredStateStore;
import io.fargatereconciler.loop.leader.Leadership;
import io.fargatereconciler.loop.state.StateStore;
import io.fargatereconciler.loop.subnets.DiagnosticsConfig;
import io.fargatereconciler.loop.subnets.StallConfig;
import io.fargatereconciler.loop.subnets.SubnetSteeringSteps;
import io.fargatereconciler.loop.subnets.SubnetsConfig;
import io.fargatereconciler.observe.TaskObserver;
import io.fargatereconciler.plan.Planner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * Wires the engine (the clock comes from {@link ClockProducer}): ECS and EC2 clients and gateways, subnet steering,
 * observer, planner, status books, Job and TaskGroup notifications (SNS), the loop (acting only while {@link Leadership} says this replica leads) and the
 * loop's work queue as the event intake's {@code WorkQueueSink} and {@code TaskGroupLookup}.
 */
@ApplicationScoped
public class EngineBeans {

    @Produces
    @Singleton
    EcsClient ecsClient(EcsConfig config, Instance<EcsEndpointOverride> override) {
        return EcsClients.create(config, override.isResolvable() ? Optional.of(override.get()) : Optional.empty());
    }

    void closeEcsClient(@Disposes EcsClient client) {
        client.close();
    }

    @Produces
    @Singleton
    SdkEcsGateway ecsGateway(EcsClient client, LoopConfig loop, EcsConfig ecs, Leadership leadership) {
        // every attempt of RunTask/StopTask (retries included) asks whether this replica still leads
        return new SdkEcsGateway(client, loop.ownerId(), ecs, leadership::isLeader);
    }

    @Produces
    @Singleton
    Ec2Client ec2Client(EcsConfig config, Instance<EcsEndpointOverride> override) {
        return Ec2Clients.create(config.callTimeout(),
                override.isResolvable() ? Optional.of(override.get()) : Optional.empty());
    }

    void closeEc2Client(@Disposes Ec2Client client) {
        client.close();
    }

    @Produces
    @Singleton
    SubnetSteeringSteps subnetSteering(SubnetsConfig subnets, DiagnosticsConfig diagnostics, Instance<Ec2Client> ec2,
                                       LoopConfig loop, PassRecorder recorder) {
        if (!subnets.steering() && !diagnostics.testEni()) {
            return SubnetSteeringSteps.off();
        }
        return new SubnetSteeringSteps(subnets, diagnostics, new SdkEc2Gateway(ec2.get()), loop.ownerId(), recorder);
    }

    @Produces
    @Singleton
    GroupStatusBook groupStatusBook(LoopConfig config) {
        return new GroupStatusBook(config.status().recentEvents());
    }

    @Produces
    @Singleton
    LoopHealth loopHealth(InstantSource clock) {
        return new LoopHealth(clock.instant());
    }

    @Produces
    @Singleton
    JobStatusBook jobStatusBook() {
        return new JobStatusBook();
    }

    @Produces
    @Singleton
    SnsClient snsClient(NotificationsConfig config, Instance<EcsEndpointOverride> override) {
        return SnsClients.create(config, override.isResolvable() ? Optional.of(override.get()) : Optional.empty());
    }

    void closeSnsClient(@Disposes SnsClient client) {
        client.close();
    }

    @Produces
    @Singleton
    NotificationPublisher notificationPublisher(NotificationsConfig config, Instance<SnsClient> sns) {
        if (!config.enabled()) {
            return NotificationPublisher.loggedOnly();
        }
        return new NotificationPublisher(new SnsNotifier(sns.get()), config.defaultTopicArn());
    }

    @Produces
    @Singleton
    JobNotifications jobNotifications(NotificationPublisher publisher) {
        return new JobNotifications(publisher);
    }

    @Produces
    @Singleton
    GroupNotifications groupNotifications(NotificationPublisher publisher, NotificationsConfig config) {
        return new GroupNotifications(publisher, config.groupMinInterval());
    }

    @Produces
    @Singleton
    ReconcileLoop reconcileLoop(DesiredStateStore desired, EcsGateway ecs, GroupStatusBook status,
                                PassRecorder recorder, LoopHealth health, InstantSource clock, LoopConfig config,
                                JobStatusBook jobs, JobNotifications notifications, Leadership leadership,
                                SubnetSteeringSteps subnets, GroupNotifications groupNotifications,
                                SubnetsConfig subnetsConfig, StallConfig stall, StateStore state) {
        ReconcilePassParts parts = new ReconcilePassParts(new TaskObserver(ecs, clock), ecs, status, recorder, health,
                jobs, new JobEventReporter(recorder, notifications), leadership, subnets, groupNotifications, state);
        Planner planner = subnetsConfig.steering()
                ? Planner.steeredByHealth(config.plannerConfig(), subnetsConfig.settings(stall.settings()))
                : new Planner(config.plannerConfig());
        return new ReconcileLoop(desired::current, parts, planner, clock, config.loop(), new SecureRandom());
    }

    @Produces
    @Singleton
    LoopEventSink loopEventSink(ReconcileLoop loop, DesiredStateStore desired) {
        return new LoopEventSink(loop, desired::current);
    }
}
