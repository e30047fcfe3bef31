package io.fargatereconciler.engine;

import io.fargatereconciler.loop.leader.LeaseElection;
import io.fargatereconciler.testing.ConnectionCut;

/**
 * One replica of a multi-replica test: its lease election (with a DynamoDB connection the test can cut) and its
 * daemon; {@code alive} turns false when the test kills its process (it runs no more passes).
 */
final class Replica {
    final String id;
    final ConnectionCut network;
    final LeaseElection election;
    final Daemon daemon;
    volatile boolean alive = true;

    Replica(String id, ConnectionCut network, LeaseElection election, Daemon daemon) {
        this.id = id;
        this.network = network;
        this.election = election;
        this.daemon = daemon;
    }
}
