package dev.layerhost.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One record of the audit log: something the host found or did with a plugin's files, with the files as
 * they were (name, size, SHA-256, signer). What an {@link AuditSink} receives, and one line of
 * {@link PluginHost.Builder#auditLog(java.nio.file.Path) the audit log file}.
 *
 * <p>Every pass writes a {@code DISCOVERED} record for each entry whose files it read: every entry for a
 * scan, a graph or a load; the entries copied anew for a reload or a watcher pass. Its diagnostics are the
 * check's verdict on the entry: an error among them means the plugin is rejected, and a {@code REJECTED}
 * record follows. A load, a reload, an unload and the watcher then write what they did, as their
 * {@link PluginEvent}s say it: {@code LOADED}, {@code RELOADED}, {@code REJECTED}, {@code FAILED},
 * {@code UNLOADED}.
 *
 * @param at          when it happened
 * @param event       what happened
 * @param plugin      the plugin's id; empty for an entry with no readable plugin module (then
 *                    {@code source} names it)
 * @param version     the plugin module's version, as {@link PluginEvent#version()} says it
 * @param source      the entry's name in the plugin root
 * @param jars        the entry's jars the record is about, by file name: for {@code LOADED} and
 *                    {@code RELOADED} those the new layer is defined from, for {@code UNLOADED} those of
 *                    the layer dropped, for {@code REJECTED} and {@code FAILED} the refused ones; a jar that
 *                    cannot be read at all (no permission) is left out, and its diagnostic names it
 * @param diagnostics the check's verdict for {@code DISCOVERED}; why, for {@code REJECTED} and
 *                    {@code FAILED}; warnings for the others
 */
public record AuditRecord(Instant at, Event event, Optional<String> plugin, Optional<String> version, String source,
                          List<AuditedJar> jars, List<Diagnostic> diagnostics) {

    /** What a record says happened, as the audit log's {@code "event"} names it. */
    public enum Event {
        /** A pass read an entry's files and checked them; an error among the diagnostics rejects it. */
        DISCOVERED,
        /** An entry's files were refused: a {@code scan} or {@code graph} rejects them, a load keeps them out. */
        REJECTED,
        /** A plugin that was not live is now serving. */
        LOADED,
        /** A live plugin was replaced by a new layer built from its current files. */
        RELOADED,
        /** A plugin's layer was dropped. */
        UNLOADED,
        /** A plugin's code threw while loading, or when its providers were first made. */
        FAILED
    }

    /**
     * Checks that no component is null, and copies the lists.
     *
     * @param at          when it happened
     * @param event       what happened
     * @param plugin      the plugin's id, or empty
     * @param version     the plugin module's version, or empty
     * @param source      the entry's name in the plugin root
     * @param jars        the entry's jars the record is about
     * @param diagnostics the verdict, or why
     */
    public AuditRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(source, "source");
        jars = List.copyOf(jars);
        diagnostics = List.copyOf(diagnostics);
    }
}
