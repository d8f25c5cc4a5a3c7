package dev.layerhost.example.pipeline.app;

import dev.layerhost.core.Diagnostic;
import dev.layerhost.core.PluginReport;
import dev.layerhost.core.Report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The plugins of a report by category (a plugin that provides two types is in both), then the entries
 * that are in none (a rejected entry whose plugin is unknown, or a plugin of service types the pipeline
 * does not use), then every diagnostic with its hint.
 */
final class PluginListing {

    private static final Comparator<PluginReport> BY_ID =
            Comparator.comparing((PluginReport plugin) -> plugin.id().orElse("")).thenComparing(PluginReport::source);

    List<String> lines(Report report) {
        List<String> lines = new ArrayList<>();
        for (Category category : Category.values()) {
            List<PluginReport> members = report.pluginsProviding(category.serviceType()).stream()
                    .sorted(BY_ID)
                    .toList();
            lines.add(category.label() + ":" + (members.isEmpty() ? " none" : ""));
            members.forEach(plugin -> lines.add("  " + row(plugin)));
        }
        List<PluginReport> uncategorized = report.plugins().stream()
                .filter(plugin -> Arrays.stream(Category.values())
                        .noneMatch(category -> plugin.provides(category.serviceType().getName())))
                .sorted(BY_ID)
                .toList();
        if (!uncategorized.isEmpty()) {
            lines.add("in no category:");
            uncategorized.forEach(plugin -> lines.add("  " + row(plugin) + providing(plugin)));
        }
        lines.add("diagnostics:" + (report.diagnostics().isEmpty() ? " none" : ""));
        for (Diagnostic diagnostic : report.diagnostics()) {
            lines.add("  " + diagnostic.severity() + " " + diagnostic.code() + " [" + diagnostic.plugin().orElse("-")
                    + " in " + diagnostic.source() + "] " + diagnostic.message());
            lines.add("      hint: " + diagnostic.hint());
        }
        return List.copyOf(lines);
    }

    private static String row(PluginReport plugin) {
        return plugin.id().orElse("?") + " " + plugin.version().orElse("-") + "  " + plugin.status()
                + "  (" + plugin.source() + ")";
    }

    /** What a plugin outside the pipeline's categories provides instead, by its categories; nothing if none. */
    private static String providing(PluginReport plugin) {
        return plugin.categories().isEmpty() ? "" : " provides " + String.join(", ", plugin.categories());
    }
}
