package dev.layerhost.core.internal.live;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The registry's lock, and whether the registry is closed. Changes are serialized by it, and plugin code
 * runs under it while a change builds layers, so every wait for it watches for the close: a caller behind
 * a load that {@code close} gave up on is told at once, and {@code close} itself waits only as long as it
 * was given, even on a thread whose interrupt flag is set.
 */
final class RegistryLock {

    /** How often a caller waiting for the lock looks whether the registry closed meanwhile. */
    private static final Duration POLL = Duration.ofMillis(50);

    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean closed;

    /**
     * Locks for a change. Plugin code that runs in a change (a provider's constructor) cannot start
     * another: it would change the registry in the middle of the change that runs it.
     *
     * @throws IllegalStateException if the registry is closed, closes while waiting, or the caller is
     *                               plugin code of a running change
     */
    void lockForChange() {
        if (lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("plugin code cannot change the host's plugins while it is being loaded");
        }
        lockWhileOpen();
    }

    /**
     * Locks, however long a change that runs plugin code holds the lock, unless the registry closes
     * meanwhile.
     *
     * @throws IllegalStateException if the registry is closed, or closes while waiting
     */
    void lockWhileOpen() {
        while (true) {
            ensureOpen();
            if (lockWithin(POLL)) {
                break;
            }
        }
        if (closed) {
            lock.unlock();
            ensureOpen();
        }
    }

    /** Marks the registry closed and locks within {@code patience}; whether it got the lock. */
    boolean closeAndLockWithin(Duration patience) {
        markClosed();
        return lockWithin(patience);
    }

    /** Marks the registry closed: every change from now on is refused, and a running one drops what it built. */
    void markClosed() {
        closed = true;
    }

    boolean isHeldByCurrentThread() {
        return lock.isHeldByCurrentThread();
    }

    void unlock() {
        lock.unlock();
    }

    boolean isClosed() {
        return closed;
    }

    /** @throws IllegalStateException if the registry is closed */
    void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("plugin host is closed");
        }
    }

    /** Locks within {@code patience}, even on an interrupted thread, whose flag is then left set. */
    private boolean lockWithin(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return lock.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
