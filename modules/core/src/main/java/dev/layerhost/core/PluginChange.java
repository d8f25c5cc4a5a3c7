package dev.layerhost.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a plugin of the root would fare if the candidates of a {@linkplain PluginHost#whatIf what-if} were
 * added: a plugin whose status would change, for better ({@code REJECTED -> OK}: a candidate supplies what
 * it lacked) or worse ({@code OK -> REJECTED}: a candidate breaks it). Immutable.
 *
 * <pre>{@code
 * for (PluginChange change : host.whatIf(List.of(Path.of("json-export-2.jar"))).changes()) {
 *     System.out.println(change.source() + ": " + change.before() + " -> " + change.after());
 * }
 * }</pre>
 *
 * @param plugin      the plugin's id; empty when its entry holds no readable plugin module
 * @param source      the name of the plugin's entry in the root
 * @param before      its status now ({@code OK}, {@code REJECTED} or {@code DISABLED})
 * @param after       its status with the candidates
 * @param diagnostics every diagnostic the check with the candidates gives its entry, errors and warnings,
 *                    in {@link Diagnostic#ORDER}
 */
public record PluginChange(Optional<String> plugin, String source, PluginStatus before, PluginStatus after,
                           List<Diagnostic> diagnostics) {

    /**
     * Checks that no component is null, and copies the list.
     *
     * @param plugin      the plugin's id, or empty
     * @param source      the name of the plugin's entry in the root
     * @param before      its status now
     * @param after       its status with the candidates
     * @param diagnostics the diagnostics of its entry with the candidates
     */
    public PluginChange {
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        diagnostics = List.copyOf(diagnostics);
    }
}
