package dev.layerhost.core.internal.event;

import dev.layerhost.core.PluginEvent;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Events that happened under the registry's lock, delivered after it is released: one at a time, oldest
 * first, each to every listener before the next. One thread delivers at a time; a thread that finds
 * another delivering leaves its events to it and returns, so no thread ever waits for a listener of
 * another. A listener that calls back into the host (a reload from a listener) returns before the events
 * of that call are delivered: they come after the event it is handling.
 */
public final class EventOutbox {

    private final Consumer<PluginEvent> listener;
    private final Deque<PluginEvent> pending = new ArrayDeque<>();
    private final AtomicBoolean delivering = new AtomicBoolean();

    /**
     * @param listener receives each event: the host's, which keeps one failing listener from the others
     *                 and so does not throw
     */
    public EventOutbox(Consumer<PluginEvent> listener) {
        this.listener = listener;
    }

    /** Queues events in the order they happened; called under the registry's lock. */
    public synchronized void post(Collection<PluginEvent> events) {
        pending.addAll(events);
    }

    /** Delivers every queued event, unless a thread (this one, in a listener) is delivering already. */
    public void deliver() {
        while (delivering.compareAndSet(false, true)) {
            try {
                for (PluginEvent next = next(); next != null; next = next()) {
                    listener.accept(next);
                }
            } finally {
                delivering.set(false);
            }
            // An event posted after the last poll, by a thread that found us delivering, is ours to deliver.
            if (isEmpty()) {
                return;
            }
        }
    }

    /** Forgets what was not delivered yet: the host is closing. */
    public synchronized void clear() {
        pending.clear();
    }

    private synchronized PluginEvent next() {
        return pending.poll();
    }

    private synchronized boolean isEmpty() {
        return pending.isEmpty();
    }
}
