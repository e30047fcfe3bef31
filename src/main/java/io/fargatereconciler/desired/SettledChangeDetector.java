package io.fargatereconciler.desired;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.function.Supplier;

/**
 * Says when a source has changed since it was last read and has then stayed unchanged for the debounce period, so
 * that a file still being written (or a sync to S3 half done) is not taken. Used from one thread.
 */
final class SettledChangeDetector {
    private final Supplier<SourceFingerprint> fingerprint;
    private final InstantSource clock;
    private final Duration debounce;
    private SourceFingerprint read;
    private SourceFingerprint pending;
    private Instant pendingSince;

    SettledChangeDetector(Supplier<SourceFingerprint> fingerprint, InstantSource clock, Duration debounce) {
        this.fingerprint = fingerprint;
        this.clock = clock;
        this.debounce = debounce;
    }

    /** Call with the fingerprint of what was just read: later changes count from there. */
    void read(SourceFingerprint whatWasRead) {
        read = whatWasRead;
        pending = null;
    }

    /** True when the source differs from the last read and has looked the same for the debounce period. */
    boolean settledChange() {
        SourceFingerprint now = fingerprint.get();
        if (now.equals(read)) {
            pending = null;
            return false;
        }
        if (!now.equals(pending)) {
            pending = now;
            pendingSince = clock.instant();
            return false;
        }
        return !clock.instant().isBefore(pendingSince.plus(debounce));
    }

    /** True while a change has been seen that has not settled yet: the next check is due after the debounce. */
    boolean changePending() {
        return pending != null;
    }
}
