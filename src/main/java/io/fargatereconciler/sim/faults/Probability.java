package io.fargatereconciler.sim.faults;

final class Probability {
    private Probability() {
    }

    static double check(Double value, String field) {
        if (value == null) {
            return 0.0;
        }
        if (value.isNaN() || value < 0.0 || value > 1.0) {
            throw new IllegalArgumentException(field + ": must be a probability between 0 and 1, was " + value);
        }
        return value;
    }
}
