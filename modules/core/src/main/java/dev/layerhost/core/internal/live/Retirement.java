package dev.layerhost.core.internal.live;

import dev.layerhost.core.Diagnostic;
import dev.layerhost.core.PluginEvent;
import dev.layerhost.core.internal.load.ProviderCloser;
import dev.layerhost.core.internal.load.RetiredPlugin;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the plugins that stopped serving so, once their successors serve and outside every lock: their
 * {@link AutoCloseable} providers are closed (plugin code), and a provider whose {@code close()} threw
 * becomes a {@code CLOSE_FAILED} event.
 */
final class Retirement {

    private static final Logger log = LoggerFactory.getLogger(Retirement.class);

    private final ProviderCloser closer = new ProviderCloser();
    private final Clock clock;

    Retirement(Clock clock) {
        this.clock = clock;
    }

    /** Closes the providers of {@code retired}; returns one {@code CLOSE_FAILED} event per plugin whose close threw. */
    List<PluginEvent> tell(List<RetiredPlugin> retired) {
        List<PluginEvent> closeFailures = new ArrayList<>();
        for (RetiredPlugin plugin : retired) {
            List<Diagnostic> failures = closer.close(plugin);
            if (!failures.isEmpty()) {
                closeFailures.add(new PluginEvent(PluginEvent.Kind.CLOSE_FAILED, java.util.Optional.of(plugin.id()),
                        plugin.version(), plugin.source(), failures.stream().sorted(Diagnostic.ORDER).toList(),
                        clock.instant()));
            }
        }
        return closeFailures;
    }

    /**
     * {@link #tell} on a thread of its own, which hands its events to {@code announce}; waits for it at
     * most {@code patience}, so that a {@code close()} that never returns cannot hold the host.
     *
     * @return whether every provider was closed in time
     */
    boolean tellWithin(List<RetiredPlugin> retired, Duration patience, Consumer<List<PluginEvent>> announce) {
        if (retired.isEmpty()) {
            return true;
        }
        Thread teller = new Thread(() -> announce.accept(tell(retired)), "layerhost-close");
        teller.setDaemon(true);
        teller.start();
        long deadline = System.nanoTime() + patience.toNanos();
        boolean interrupted = false;
        // Waits even on an interrupted thread: the bound, not the flag, decides when to stop waiting.
        while (teller.isAlive() && deadline - System.nanoTime() > 0) {
            try {
                teller.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (teller.isAlive()) {
            log.warn("A plugin's close() did not return within {} ms; the host closes without waiting for it",
                    patience.toMillis());
            return false;
        }
        return true;
    }
}
