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

    /** Reconcile {@code key} at {@code when} or earlier if it is already due sooner. */
    public void addAt(K key, Instant when) {
        lock.lock();
        try {
            Instant current = dueAt.get(key);
            if (current == null || when.isBefore(current)) {
                dueAt.put(key, when);
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
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Blocks up to {@code maxWaitMillis} or until a key is added or changed; returns at once when interrupted. */
    public void awaitChange(long maxWaitMillis) throws InterruptedException {
        if (maxWaitMillis <= 0) {
            return;
        }
        lock.lock();
        try {
            changed.await(maxWaitMillis, TimeUnit.MILLISECONDS);
        } finally {
            lock.unlock();
        }
    }
}
