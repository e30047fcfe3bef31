package io.fargatereconciler.aws;

import java.util.Objects;

/** The outcome of one EC2 call: its value, or EC2's error code and message (errors are values here). */
public sealed interface Ec2Result<T> {

    record Ok<T>(T value) implements Ec2Result<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * EC2 refused or failed the call: {@code errorCode} is EC2's code (InsufficientFreeAddressesInSubnet,
     * UnauthorizedOperation, InternalError...), or {@code Unreachable} when no answer came.
     */
    record Failed<T>(String operation, String errorCode, String message) implements Ec2Result<T> {
    }

    /** One line for logs and status. */
    default String describe() {
        if (this instanceof Failed<T> failed) {
            return failed.operation() + " failed (" + failed.errorCode() + "): " + failed.message();
        }
        return "ok";
    }
}
