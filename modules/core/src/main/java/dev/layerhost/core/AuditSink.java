package dev.layerhost.core;

/**
 * Receives the {@link AuditRecord}s of a {@link PluginHost}: what it found in the plugin root, what it
 * checked, loaded, reloaded, unloaded, rejected, and what failed. {@link PluginHost.Builder#auditLog}
 * writes them to a file, one JSON object per line; a host with other needs (a database, a remote
 * collector) gives its own sink to {@link PluginHost.Builder#auditSink}.
 *
 * <p>Unlike a {@link PluginListener}, a sink is called at once, on the thread that does the work and
 * while the host holds its lock: a {@code DISCOVERED} record before any code of that plugin runs. So a
 * sink must return quickly and must not call the host (a {@code load}, {@code reload} or {@code unload}
 * from it throws {@link IllegalStateException}). The host calls its sinks one record at a time, in the
 * order the records happened. What a sink throws is logged; the host goes on.
 */
@FunctionalInterface
public interface AuditSink {

    /**
     * Takes one record.
     *
     * @param record what the host found or did, as it happened
     */
    void record(AuditRecord record);

    /**
     * Called at the end of every pass (a scan, a graph, a load, a reload, an unload, a watcher pass), after
     * its records: a sink that buffers writes them out here. Does nothing by default.
     */
    default void endOfPass() {
    }
}
