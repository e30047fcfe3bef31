package io.fargatereconciler.aws;

import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of one ECS call. Throttling and service trouble are kept apart from a rejected request: the first
 * two slow the whole loop down, only a rejection says something about the request (and so about its group).
 */
public sealed interface EcsResult<T> {

    /** The call succeeded. */
    record Ok<T>(T value) implements EcsResult<T> {
        public Ok {
            Objects.requireNonNull(value, "value");
        }
    }

    /** ECS answered ThrottlingException / "Rate exceeded": the account's API budget is spent for now. */
    record Throttled<T>(String operation, String message) implements EcsResult<T> {
    }

    /**
     * ECS could not be reached or failed on its side: a 5xx, a network error, a timeout, or the circuit breaker
     * is open after many of those. Nothing is known about the request's effect.
     */
    record Unavailable<T>(String operation, String message) implements EcsResult<T> {
    }

    /** ECS refused the request (4xx other than throttling): {@code errorCode} is its error type, e.g. ClusterNotFoundException. */
    record Rejected<T>(String operation, String errorCode, String message) implements EcsResult<T> {
    }

    static <T> EcsResult<T> ok(T value) {
        return new Ok<>(value);
    }

    default boolean isOk() {
        return this instanceof Ok<T>;
    }

    /** The same failure for another value type, or the mapped value on success. */
    @SuppressWarnings("unchecked")
    default <R> EcsResult<R> map(Function<T, R> mapper) {
        if (this instanceof Ok<T> ok) {
            return new Ok<>(mapper.apply(ok.value()));
        }
        return (EcsResult<R>) this;
    }

    /** One line for logs and status: what failed and why. */
    default String describe() {
        if (this instanceof Throttled<T> t) {
            return t.operation() + " throttled by ECS: " + t.message();
        }
        if (this instanceof Unavailable<T> u) {
            return u.operation() + " failed, ECS unavailable: " + u.message();
        }
        if (this instanceof Rejected<T> r) {
            return r.operation() + " rejected by ECS (" + r.errorCode() + "): " + r.message();
        }
        return "ok";
    }
}
