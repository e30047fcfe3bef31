package io.fargatereconciler.loop;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keys (groups) waiting to be reconciled, each due at a time; adding a key that is already waiting keeps the
 * earlier time, so duplicates collapse (as in controller-runtime's work queue). Safe to use from any thread:
 * event intake adds keys while the pass thread takes them.
 */
public final class WorkQueue<K> {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<K, Instant> dueAt = new HashMap<>();
    private long changes;

    /** Reconcile {@code key} at {@code when} or earlier if it is already due sooner. */
    public void addAt(K key, Instant when) {
        lock.lock();
        try {
            Instant current = dueAt.get(key);
            if (current == null || when.isBefore(current)) {
                dueAt.put(key, when);
                changes++;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Removes and returns every key due at {@code now}. */
    public Set<K> takeDue(Instant now) {
        lock.lock();
        try {
            Set<K> due = new LinkedHashSet<>();
            dueAt.entrySet().removeIf(entry -> {
                if (!entry.getValue().isAfter(now)) {
                    due.add(entry.getKey());
                    return true;
                }
                return false;
            });
            return due;
        } finally {
            lock.unlock();
        }
    }

    /** The earliest due time of any waiting key. */
    public Optional<Instant> nextDueAt() {
        lock.lock();
        try {
            return dueAt.values().stream().min(Instant::compareTo);
        } finally {
            lock.unlock();
        }
    }

    /** Keys waiting, due or not. */
    public int depth() {
        lock.lock();
        try {
            return dueAt.size();
        } finally {
            lock.unlock();
        }
    }

    /** Wakes every thread waiting in {@link #awaitChange}. */
    public void wakeUp() {
        lock.lock();
        try {
            changes++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A counter of changes (adds that moved a key sooner, wake-ups): pass it to {@link #awaitChange}. */
    public long changes() {
        lock.lock();
        try {
            return changes;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Blocks up to {@code maxWaitMillis} or until a change after {@code seen} (a value of {@link #changes()} read
     * before the caller last looked at the queue): a key added in between is not missed. Throws when interrupted.
     */
    public void awaitChange(long seen, long maxWaitMillis) throws InterruptedException {
        long nanos = TimeUnit.MILLISECONDS.toNanos(maxWaitMillis);
        lock.lock();
        try {
            while (changes == seen && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
        } finally {
            lock.unlock();
        }
    }
}
