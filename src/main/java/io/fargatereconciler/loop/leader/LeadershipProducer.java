package io.fargatereconciler.loop.leader;

import io.fargatereconciler.aws.DynamoDbLeaseGateway;
import io.fargatereconciler.aws.DynamoDbStateStore;
import io.fargatereconciler.aws.EcsConfig;
import io.fargatereconciler.aws.LeaseSettings;
import io.fargatereconciler.loop.state.InMemoryStateStore;
import io.fargatereconciler.loop.state.StateConfig;
import io.fargatereconciler.loop.state.StateStore;
import io.fargatereconciler.loop.state.StateTable;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/**
 * Provides the {@link Leadership} bean: a {@link LeaseElection} on DynamoDB when {@code reconciler.state.table} is
 * set, else {@link SoleReplicaLeadership}; and the {@link StateStore} in the same table (in memory without one). Starts it at boot, exports {@code reconciler_leader{replica}} (1 while
 * leading, else 0) and releases the lease at shutdown.
 */
@ApplicationScoped
public class LeadershipProducer {
    private static final Logger LOG = Logger.getLogger(LeadershipProducer.class);

    @Produces
    @Singleton
    Leadership leadership(LeaderConfig config, StateTable table, MeterRegistry metrics) {
        String replicaId = config.replicaId().filter(id -> !id.isBlank()).orElseGet(ReplicaId::ofThisHost);
        MonotonicInstantSource clock = MonotonicInstantSource.startingNow();
        Leadership leadership;
        if (table.name().isEmpty()) {
            LOG.infof("reconciler.state.table is not set: replica %s assumes it is the only replica and always"
                    + " leads; set a state table before running a second replica", replicaId);
            leadership = new SoleReplicaLeadership(replicaId, clock.instant());
        } else {
            LeaseTiming timing = config.timing();
            LeaseSettings settings = new LeaseSettings(table.name().get(), config.leaseName(), replicaId,
                    timing.lease());
            LeaseElection election = new LeaseElection(
                    DynamoDbLeaseGateway.connect(table.endpoint(), settings, timing.renewEvery()), timing, clock,
                    replicaId);
            LOG.infof("Replica %s competes for lease %s in table %s (lease %s, renewed every %s)", replicaId,
                    settings.leaseName(), settings.table(), timing.lease(), timing.renewEvery());
            election.start();
            leadership = election;
        }
        Gauge.builder("reconciler.leader", leadership, current -> current.isLeader() ? 1 : 0)
                .description("1 while this replica leads (holds a valid lease), else 0")
                .tag("replica", replicaId)
                .register(metrics);
        return leadership;
    }

    /** The state table in force, resolved once (a deprecated property logs its warning once). */
    @Produces
    @Singleton
    StateTable stateTable(StateConfig state, LeaderConfig leader) {
        return StateTable.of(state, leader);
    }

    /**
     * The state store: the lease's table when one is set (fenced writes, durable), else in memory. Its calls give up
     * after the ECS call timeout, so a hung call cannot stall a pass for long.
     */
    @Produces
    @Singleton
    StateStore stateStore(StateTable table, LeaderConfig config, Leadership leadership, EcsConfig ecs) {
        if (table.name().isEmpty()) {
            return new InMemoryStateStore();
        }
        LeaseSettings settings = new LeaseSettings(table.name().get(), config.leaseName(), leadership.replicaId(),
                config.timing().lease());
        return DynamoDbStateStore.connect(table.endpoint(), settings, ecs.callTimeout());
    }

    void closeStateStore(@Disposes StateStore store) {
        store.close();
    }

    void release(@Disposes Leadership leadership) {
        if (leadership instanceof LeaseElection election) {
            election.close();
        }
    }

    /** Competes for the lease from boot on, not from the first bean that asks. */
    void startAtBoot(@Observes StartupEvent started, Leadership leadership) {
        LOG.debugf("Leadership of replica %s is %s", leadership.replicaId(), leadership.getClass().getSimpleName());
    }
}
