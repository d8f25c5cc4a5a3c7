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
 * that are in none (a rejected entry whose plugin is unknown), then every diagnostic with its hint.
 */
final class PluginListing {

    private static final Comparator<PluginReport> BY_ID =
            Comparator.comparing((PluginReport plugin) -> plugin.id().orElse("")).thenComparing(PluginReport::source);

    List<String> lines(Report report) {
        List<String> lines = new ArrayList<>();
        for (Category category : Category.values()) {
            List<PluginReport> members = report.plugins().stream()
                    .filter(plugin -> plugin.services().contains(category.serviceType().getName()))
                    .sorted(BY_ID)
                    .toList();
            lines.add(category.label() + ":" + (members.isEmpty() ? " none" : ""));
            members.forEach(plugin -> lines.add("  " + row(plugin)));
        }
        List<PluginReport> uncategorized = report.plugins().stream()
                .filter(plugin -> Arrays.stream(Category.values())
                        .noneMatch(category -> plugin.services().contains(category.serviceType().getName())))
                .sorted(BY_ID)
                .toList();
        if (!uncategorized.isEmpty()) {
            lines.add("in no category:");
            uncategorized.forEach(plugin -> lines.add("  " + row(plugin)));
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
}
