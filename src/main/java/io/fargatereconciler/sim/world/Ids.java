package io.fargatereconciler.sim.world;

import java.util.Random;

/** Seeded identifiers in the shapes AWS uses; the same seed and the same calls give the same ids. */
public final class Ids {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private final Random random;

    public Ids(Random random) {
        this.random = random;
    }

    /** A task id: 32 hex digits. */
    public String taskId() {
        return hex(32);
    }

    /** An ENI id: {@code eni-} and 17 hex digits. */
    public String eniId() {
        return "eni-" + hex(17);
    }

    /** A UUID-shaped id (attachments, SNS message ids). */
    public String uuid() {
        String h = hex(32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
                + "-" + h.substring(20);
    }

    /** A locally administered unicast MAC address, as ECS writes them. */
    public String macAddress() {
        StringBuilder mac = new StringBuilder("0e");
        for (int i = 0; i < 5; i++) {
            mac.append(':').append(hex(2));
        }
        return mac.toString();
    }

    private String hex(int digits) {
        char[] out = new char[digits];
        for (int i = 0; i < digits; i++) {
            out[i] = HEX[random.nextInt(16)];
        }
        return new String(out);
    }
}
