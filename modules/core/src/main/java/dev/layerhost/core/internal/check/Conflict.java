package dev.layerhost.core.internal.check;

import dev.layerhost.core.Diagnostic;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One diagnostic of a plugin's layer with what it is about, as a check finds it.
 *
 * @param key        what the conflict is about
 * @param diagnostic the problem as reported
 */
record Conflict(ConflictKey key, Diagnostic diagnostic) {

    Conflict {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(diagnostic, "diagnostic");
    }

    /** The diagnostic of the first conflict found for each key, in key order. */
    static List<Diagnostic> firstOfEachKey(List<Conflict> found) {
        Map<ConflictKey, Diagnostic> first = new TreeMap<>();
        for (Conflict conflict : found) {
            first.putIfAbsent(conflict.key(), conflict.diagnostic());
        }
        return List.copyOf(first.values());
    }
}
