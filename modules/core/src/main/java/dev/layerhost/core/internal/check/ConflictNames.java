package dev.layerhost.core.internal.check;

import dev.layerhost.core.Diagnostic;
import dev.layerhost.core.internal.diagnostic.Diagnostics;
import dev.layerhost.core.internal.model.ModuleNode;

import java.util.List;

/**
 * The diagnostics of two modules in conflict in one plugin's layer, named the same way by every check:
 * a split package names both modules sorted by name, with where each is; two versions name both copies
 * sorted by where they come from.
 *
 * @param source   the plugin's entry
 * @param pluginId the plugin
 */
record ConflictNames(String source, String pluginId) {

    public Diagnostic splitPackage(String packageName, ModuleNode first, ModuleNode second) {
        List<ModuleNode> pair = byNameOrder(first, second);
        return Diagnostics.splitPackage(source, pluginId, packageName, byName(first, second),
                pair.stream().map(ModuleNode::location).toList());
    }

    /** {@code reader} would read both {@code first} and {@code second}, two copies of one module. */
    public Diagnostic twoVersions(String reader, ModuleNode first, ModuleNode second) {
        List<ModuleNode> pair = first.origin().compareTo(second.origin()) <= 0
                ? List.of(first, second) : List.of(second, first);
        return Diagnostics.twoVersionsRead(source, pluginId, reader, first.name(),
                List.of(pair.get(0).versionOrNone(), pair.get(1).versionOrNone()),
                List.of(pair.get(0).origin(), pair.get(1).origin()),
                pair.stream().map(ModuleNode::location).toList());
    }

    /** The names of two modules, sorted. */
    public static List<String> byName(ModuleNode first, ModuleNode second) {
        return byNameOrder(first, second).stream().map(ModuleNode::name).toList();
    }

    private static List<ModuleNode> byNameOrder(ModuleNode first, ModuleNode second) {
        return first.name().compareTo(second.name()) <= 0 ? List.of(first, second) : List.of(second, first);
    }
}
