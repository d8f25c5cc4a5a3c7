package dev.layerhost.cli;

import dev.layerhost.core.Diagnostic;
import dev.layerhost.core.LayerGraph;
import dev.layerhost.core.LayerNode;
import dev.layerhost.core.PluginEvent;
import dev.layerhost.core.ModuleSummary;
import dev.layerhost.core.PluginChange;
import dev.layerhost.core.PluginReport;
import dev.layerhost.core.Report;
import dev.layerhost.core.WhatIfReport;

import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON shapes of the contract: one object on stdout per run. Absent ids and versions are
 * {@code null}; details keep the names the message is made of, with sorted keys. Names are exact; what a
 * terminal would act on is written as a JSON escape ({@link JsonEscapes}).
 */
final class JsonRenderer {

    private final ObjectMapper mapper = new ObjectMapper();

    JsonRenderer() {
        mapper.getFactory().setCharacterEscapes(new JsonEscapes());
    }

    void report(Report report, PrintWriter out) {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode plugins = root.putArray("plugins");
        for (PluginReport plugin : report.plugins()) {
            plugins.add(plugin(plugin));
        }
        root.set("diagnostics", diagnostics(report.diagnostics()));
        print(root, out);
    }

    /**
     * {@code doctor --candidate --json}: the report's shape, the root's rows and the candidates' together
     * by source (a candidate's row marked {@code "candidate": true} and naming the entries it replaces),
     * the diagnostics of both, and {@code "changes"}, the root plugins whose status would change.
     */
    void whatIf(WhatIfReport whatIf, PrintWriter out) {
        record Row(PluginReport plugin, boolean candidate) {
        }
        List<Row> rows = new ArrayList<>();
        whatIf.root().plugins().forEach(plugin -> rows.add(new Row(plugin, false)));
        whatIf.candidates().forEach(plugin -> rows.add(new Row(plugin, true)));
        // a stable sort, as WhatIfReport.combined() orders them: a root row before the candidate of its name
        rows.sort(Comparator.comparing(row -> row.plugin().source()));
        ObjectNode root = mapper.createObjectNode();
        ArrayNode plugins = root.putArray("plugins");
        for (Row row : rows) {
            ObjectNode node = plugin(row.plugin());
            if (row.candidate()) {
                node.put("candidate", true);
                ArrayNode replaces = node.putArray("replaces");
                whatIf.replacedBy(row.plugin()).forEach(replaced -> replaces.add(replaced.source()));
            }
            plugins.add(node);
        }
        // One list, as combined() orders it; a candidate's diagnostic is marked, since its source or plugin
        // id may be a root row's too (a same-name replacement): only the mark tells them apart.
        record Found(Diagnostic diagnostic, boolean candidate) {
        }
        List<Found> found = new ArrayList<>();
        whatIf.root().diagnostics().forEach(diagnostic -> found.add(new Found(diagnostic, false)));
        whatIf.candidateDiagnostics().forEach(diagnostic -> found.add(new Found(diagnostic, true)));
        found.sort(Comparator.comparing(Found::diagnostic, Diagnostic.ORDER));
        ArrayNode diagnostics = root.putArray("diagnostics");
        for (Found each : found) {
            ObjectNode node = diagnostic(each.diagnostic());
            if (each.candidate()) {
                node.put("candidate", true);
            }
            diagnostics.add(node);
        }
        ArrayNode changes = root.putArray("changes");
        for (PluginChange change : whatIf.changes()) {
            ObjectNode node = changes.addObject();
            node.put("plugin", change.plugin().orElse(null));
            node.put("source", change.source());
            node.put("before", change.before().name());
            node.put("after", change.after().name());
            node.set("diagnostics", diagnostics(change.diagnostics()));
        }
        print(root, out);
    }

    void graph(LayerGraph graph, PrintWriter out) {
        ObjectNode root = mapper.createObjectNode();
        ArrayNode layers = root.putArray("layers");
        for (LayerNode layer : graph.layers()) {
            ObjectNode node = layers.addObject();
            node.put("plugin", layer.plugin());
            node.set("modules", modules(layer.modules()));
            ArrayNode parents = node.putArray("parents");
            GraphCommand.parentsOf(layer).forEach(parents::add);
        }
        ObjectNode api = root.putObject("api");
        api.put("name", GraphCommand.API_LAYER);
        api.set("modules", modules(graph.api()));
        root.set("diagnostics", diagnostics(graph.diagnostics()));
        print(root, out);
    }

    /** One event of {@code watch --json}, on one line. */
    String eventLine(PluginEvent event) {
        ObjectNode node = mapper.createObjectNode();
        node.put("event", event.kind().name());
        node.put("plugin", event.pluginOrSource());
        node.put("version", event.version().orElse(null));
        // Beyond the contract's fields: the version replaced (RELOADED) or still serving (REJECTED, FAILED).
        node.put("previousVersion", event.previousVersion().orElse(null));
        node.put("source", event.source());
        node.set("diagnostics", diagnostics(event.diagnostics()));
        node.put("at", event.at().truncatedTo(ChronoUnit.MILLIS).toString());
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    ObjectNode plugin(PluginReport plugin) {
        ObjectNode node = mapper.createObjectNode();
        node.put("id", plugin.id().orElse(null));
        node.put("version", plugin.version().orElse(null));
        node.put("status", plugin.status().name());
        node.put("source", plugin.source());
        ArrayNode services = node.putArray("services");
        plugin.services().forEach(services::add);
        ArrayNode categories = node.putArray("categories");
        plugin.categories().forEach(categories::add);
        node.set("modules", modules(plugin.modules()));
        ObjectNode metadata = node.putObject("metadata");
        metadata.put("description", plugin.metadata().description().orElse(null));
        metadata.put("vendor", plugin.metadata().vendor().orElse(null));
        metadata.put("license", plugin.metadata().license().orElse(null));
        metadata.put("homepage", plugin.metadata().homepage().orElse(null));
        return node;
    }

    ArrayNode diagnostics(List<Diagnostic> diagnostics) {
        ArrayNode array = mapper.createArrayNode();
        for (Diagnostic diagnostic : diagnostics) {
            array.add(diagnostic(diagnostic));
        }
        return array;
    }

    ObjectNode diagnostic(Diagnostic diagnostic) {
        ObjectNode node = mapper.createObjectNode();
        node.put("code", diagnostic.code().name());
        node.put("severity", diagnostic.severity().name());
        node.put("plugin", diagnostic.plugin().orElse(null));
        node.put("source", diagnostic.source());
        node.put("message", diagnostic.message());
        node.put("hint", diagnostic.hint());
        node.set("details", mapper.valueToTree(new TreeMap<>(diagnostic.details())));
        return node;
    }

    private ArrayNode modules(List<ModuleSummary> modules) {
        ArrayNode array = mapper.createArrayNode();
        for (ModuleSummary module : modules) {
            ObjectNode node = array.addObject();
            node.put("name", module.name());
            node.put("version", module.version().orElse(null));
        }
        return array;
    }

    private void print(ObjectNode root, PrintWriter out) {
        try {
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } catch (JsonProcessingException e) {
            // Only strings, lists and maps of them are written: a failure here is a bug in layerhost.
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

}
