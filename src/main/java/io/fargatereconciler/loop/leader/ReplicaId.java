package io.fargatereconciler.loop.leader;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;

/** The default replica id: the host name (on Fargate, unique per task), or a random id when there is none. */
final class ReplicaId {
    private ReplicaId() {
    }

    static String ofThisHost() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "replica-" + UUID.randomUUID().toString().substring(0, 8);
        }
    }
}
