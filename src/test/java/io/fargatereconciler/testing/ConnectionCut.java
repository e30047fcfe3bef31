package io.fargatereconciler.testing;

import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** Simulates a network partition for one SDK client: while cut, every request fails before it is sent. */
public final class ConnectionCut implements ExecutionInterceptor {
    private volatile boolean cut;

    public void cut() {
        cut = true;
    }

    public void restore() {
        cut = false;
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        if (cut) {
            throw SdkClientException.create("connection cut by the test (simulated network partition)");
        }
    }
}
