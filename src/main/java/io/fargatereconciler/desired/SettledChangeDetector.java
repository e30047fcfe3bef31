package io.fargatereconciler.desired;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.function.Supplier;

/**
 * Says when a folder has changed since it was last read and has then stayed unchanged for the debounce
 * period, so that a file still being written is not taken. Used from one thread.
 */
final class SettledChangeDetector {
    private final Supplier<FolderFingerprint> fingerprint;
    private final InstantSource clock;
    private final Duration debounce;
    private FolderFingerprint read;
    private FolderFingerprint pending;
    private Instant pendingSince;

    SettledChangeDetector(Supplier<FolderFingerprint> fingerprint, InstantSource clock, Duration debounce) {
        this.fingerprint = fingerprint;
        this.clock = clock;
        this.debounce = debounce;
    }

    /** Call just before reading the folder: later changes count from here. */
    void readingNow() {
        read = fingerprint.get();
        pending = null;
    }

    /** True when the folder differs from the last read and has looked the same for the debounce period. */
    boolean settledChange() {
        FolderFingerprint now = fingerprint.get();
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
}
