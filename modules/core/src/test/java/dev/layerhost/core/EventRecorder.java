package dev.layerhost.core;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A {@link PluginListener} that keeps every event in a thread-safe queue, so that a test can wait for
 * the watcher's events with a timeout instead of sleeping.
 */
final class EventRecorder implements PluginListener {

    /** How long a test waits for an event it expects: far beyond any quiet period, so never the cause of a flake. */
    static final Duration PATIENCE = Duration.ofSeconds(10);

    private final BlockingQueue<PluginEvent> events = new LinkedBlockingQueue<>();

    @Override
    public void onEvent(PluginEvent event) {
        events.add(event);
    }

    /** The next event; fails if none comes within {@link #PATIENCE}. */
    PluginEvent next() {
        try {
            PluginEvent event = events.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                fail("no event within " + PATIENCE);
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for an event", e);
        }
    }

    /** The next event, which must be of {@code kind} and name {@code plugin}. */
    PluginEvent next(PluginEvent.Kind kind, String plugin) {
        PluginEvent event = next();
        assertEquals(kind + " " + plugin, event.kind() + " " + event.pluginOrSource(), () -> "unexpected event " + event);
        return event;
    }

    /**
     * Waits {@code window} and fails if any event arrives: the one bounded wait these tests make, to show
     * that something (a second reload, a rejection of a half-written jar) does not happen.
     */
    void assertNoEventWithin(Duration window) {
        try {
            PluginEvent event = events.poll(window.toMillis(), TimeUnit.MILLISECONDS);
            if (event != null) {
                List<PluginEvent> all = new ArrayList<>(List.of(event));
                events.drainTo(all);
                fail("expected no further event within " + window + ", got " + all);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting", e);
        }
    }

    /** Takes every event received so far. */
    List<PluginEvent> drain() {
        List<PluginEvent> all = new ArrayList<>();
        events.drainTo(all);
        return all;
    }
}
