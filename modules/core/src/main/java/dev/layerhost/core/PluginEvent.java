package dev.layerhost.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Something that happened to a live plugin: what a {@link PluginListener} receives and what
 * {@code layerhost watch} prints, one per line.
 *
 * @param kind        what happened
 * @param plugin      the plugin's id, as in {@link Diagnostic#plugin()}; empty for an entry whose files hold no readable plugin module and
 *                    that no live plugin came from (then {@code source} names it)
 * @param version     the version the event is about: the new one for {@code LOADED}/{@code RELOADED}, the
 *                    refused one for {@code REJECTED}/{@code FAILED}, the dropped one for {@code UNLOADED}
 *                    and {@code CLOSE_FAILED}
 * @param previousVersion the version that served before the event and, for {@code REJECTED} and
 *                    {@code FAILED}, still serves: the replaced one for {@code RELOADED}, the one that keeps
 *                    serving when new files of a live plugin are refused; empty when no version of the
 *                    plugin was live (or the live one has no version), for a {@code FAILED} of a live
 *                    plugin whose provider, made lazily, threw (that version stops serving and none
 *                    replaces it), and for the other kinds
 * @param source      the plugin's entry in the root
 * @param diagnostics why, for {@code REJECTED} and {@code FAILED}; warnings for the others
 * @param at          when it happened
 */
public record PluginEvent(Kind kind, Optional<String> plugin, Optional<String> version,
                          Optional<String> previousVersion, String source, List<Diagnostic> diagnostics, Instant at) {

    /** The kinds of event, as the contract names them. */
    public enum Kind {
        /** A plugin that was not live is now serving. */
        LOADED,
        /** A live plugin was replaced by a new layer built from its current files. */
        RELOADED,
        /** New files of a plugin were refused; an older version, if any, keeps serving. */
        REJECTED,
        /** A plugin's code threw while loading; an older version, if any, keeps serving. */
        FAILED,
        /** A plugin's layer was dropped: its entry was removed, or the host unloaded it. */
        UNLOADED,
        /**
         * A provider of a plugin that stopped serving (replaced, unloaded, or the host closed) threw from
         * {@link AutoCloseable#close()}; a {@code CLOSE_FAILED} diagnostic gives the cause. Nothing else
         * changes: the plugin's layer is dropped all the same.
         */
        CLOSE_FAILED
    }

    /**
     * Checks that no component is null, and copies the diagnostics.
     *
     * @param kind        what happened
     * @param plugin      the plugin's id, or empty
     * @param version     the version the event is about, or empty
     * @param previousVersion the version that served before, or empty
     * @param source      the plugin's entry in the root
     * @param diagnostics why, or warnings
     * @param at          when it happened
     */
    public PluginEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(previousVersion, "previousVersion");
        Objects.requireNonNull(source, "source");
        diagnostics = List.copyOf(diagnostics);
        Objects.requireNonNull(at, "at");
    }

    /**
     * An event with no previous version: {@code LOADED}, {@code UNLOADED}, {@code CLOSE_FAILED}, or one of a
     * plugin that was not live.
     *
     * @param kind        what happened
     * @param plugin      the plugin's id, or empty
     * @param version     the version the event is about, or empty
     * @param source      the plugin's entry in the root
     * @param diagnostics why, or warnings
     * @param at          when it happened
     */
    public PluginEvent(Kind kind, Optional<String> plugin, Optional<String> version, String source,
                       List<Diagnostic> diagnostics, Instant at) {
        this(kind, plugin, version, Optional.empty(), source, diagnostics, at);
    }

    /**
     * Names what the event is about.
     *
     * @return the plugin's id, or, when the event is about an entry with no readable plugin, the entry's name
     */
    public String pluginOrSource() {
        return plugin.orElse(source);
    }
}
