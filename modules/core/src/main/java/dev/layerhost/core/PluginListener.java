package dev.layerhost.core;

/**
 * Receives the {@link PluginEvent}s of a {@link PluginHost}. Events come in the order they happened,
 * parents before children, from the thread that caused them (the caller of {@code load}/{@code reload}
 * /{@code unload}, the host's watcher thread, or, for a {@code CLOSE_FAILED} while the host closes, the
 * thread that closes its plugins). A listener that throws does not stop the host.
 */
@FunctionalInterface
public interface PluginListener {

    /**
     * Receives one event, on the thread that caused it.
     *
     * @param event what happened
     */
    void onEvent(PluginEvent event);
}
