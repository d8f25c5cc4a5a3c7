package dev.layerhost.core.internal;

import dev.layerhost.core.PluginEvent;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events that happened under the registry's lock, delivered after it is released: one at a time, oldest
 * first, whichever thread delivers. So a listener may call back into the host (and its events are
 * delivered after the ones before them) without two threads waiting on each other's lock.
 */
final class EventOutbox {

    private static final Logger log = LoggerFactory.getLogger(EventOutbox.class);

    private final Consumer<PluginEvent> listener;
    private final Deque<PluginEvent> pending = new ArrayDeque<>();
    /** Held while delivering; never while waiting for the registry's lock. */
    private final Object delivery = new Object();

    EventOutbox(Consumer<PluginEvent> listener) {
        this.listener = listener;
    }

    /** Queues events in the order they happened; called under the registry's lock. */
    synchronized void post(Collection<PluginEvent> events) {
        pending.addAll(events);
    }

    /** Delivers every queued event; called with no lock of the registry held. */
    void deliver() {
        synchronized (delivery) {
            for (PluginEvent next = next(); next != null; next = next()) {
                try {
                    listener.accept(next);
                } catch (RuntimeException e) {
                    log.warn("A plugin listener failed on {} of '{}': {}", next.kind(), next.plugin(), e.toString());
                }
            }
        }
    }

    /** Forgets what was not delivered yet: the host is closing. */
    synchronized void clear() {
        pending.clear();
    }

    private synchronized PluginEvent next() {
        return pending.poll();
    }
}
