package dev.layerhost.core.internal.event;

import dev.layerhost.core.PluginEvent;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events that happened under the registry's lock, delivered after it is released: one at a time, oldest
 * first, each to every listener before the next. One thread delivers at a time; a thread that finds
 * another delivering leaves its events to it and returns, so no thread ever waits for a listener of
 * another. A listener that calls back into the host (a reload from a listener) returns before the events
 * of that call are delivered: they come after the event it is handling.
 */
public final class EventOutbox {

    private static final Logger log = LoggerFactory.getLogger(EventOutbox.class);

    private final Consumer<PluginEvent> listener;
    private final Deque<PluginEvent> pending = new ArrayDeque<>();
    private final AtomicBoolean delivering = new AtomicBoolean();

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
                    try {
                        listener.accept(next);
                    } catch (RuntimeException | Error e) {
                        if (e instanceof VirtualMachineError fatal) {
                            throw fatal;
                        }
                        log.warn("A plugin listener failed on {} of '{}': {}", next.kind(), next.pluginOrSource(),
                                e.toString());
                    }
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
