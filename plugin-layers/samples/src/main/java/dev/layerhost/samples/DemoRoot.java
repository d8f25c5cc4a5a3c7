package dev.layerhost.samples;

import static dev.layerhost.samples.Workspace.DATA_SOURCE;
import static dev.layerhost.samples.Workspace.EXPORTER;
import static dev.layerhost.samples.Workspace.ML_PLATFORM;

import java.nio.file.Path;

/**
 * The root {@code demo}: five sound plugins and no diagnostic at all. It shows plugin-on-plugin
 * ({@code p.warehouse} requires {@code p.csv}) and two versions of one private library side by side
 * ({@code lib.matrix} 1.0.0 for {@code p.linear}, 2.3.0 for {@code p.forest}). Each plugin's manifest
 * carries its metadata ({@code Plugin-Description}, {@code -Vendor} and {@code -License}),
 * which {@code layerhost list} shows.
 */
record DemoRoot(Workspace workspace) {

    static final String NAME = "demo";

    /** Builds every entry into {@code root}, which should be empty. */
    void build(Path root) {
        // csv-source.jar: a CSV data source that also exports its parser for other plugins.
        Path csv = workspace.plugin("p.csv", "1.0.0")
                .exports("p.csv.format")
                .provides(DATA_SOURCE, "p.csv.CsvSource")
                .manifestAttribute("Plugin-Description", "Reads CSV files (RFC 4180) and the built-in sample:cities")
                .manifestAttribute("Plugin-Vendor", "layerhost samples")
                .manifestAttribute("Plugin-License", "Apache-2.0")
                .sources(workspace.sources(NAME, "csv-source", "p.csv"))
                .build(root.resolve("csv-source.jar"));

        // linear-ml/: least squares on its private lib.matrix 1.0.0.
        Path linear = root.resolve("linear-ml");
        Path matrixOne = workspace.library("lib.matrix", "1.0.0")
                .exports("lib.matrix")
                .sources(workspace.sources(NAME, "linear-ml", "lib.matrix"))
                .build(linear.resolve("lib-matrix-1.0.0.jar"));
        workspace.plugin("p.linear", "1.1.0")
                .requires("lib.matrix")
                .provides(ML_PLATFORM, "p.linear.LinearPlatform")
                .manifestAttribute("Plugin-Description", "Least-squares regression on lib.matrix 1.0.0")
                .manifestAttribute("Plugin-Vendor", "layerhost samples")
                .manifestAttribute("Plugin-License", "Apache-2.0")
                .sources(workspace.sources(NAME, "linear-ml", "p.linear"))
                .modulePath(matrixOne)
                .build(linear.resolve("p-linear-1.1.0.jar"));

        // forest-ml/: bagged stumps on its own lib.matrix 2.3.0, a rewrite with another API.
        Path forest = root.resolve("forest-ml");
        Path matrixTwo = workspace.library("lib.matrix", "2.3.0")
                .exports("lib.matrix")
                .sources(workspace.sources(NAME, "forest-ml", "lib.matrix"))
                .build(forest.resolve("lib-matrix-2.3.0.jar"));
        workspace.plugin("p.forest", "2.0.0")
                .requires("lib.matrix")
                .provides(ML_PLATFORM, "p.forest.ForestPlatform")
                .manifestAttribute("Plugin-Description", "Bagged regression stumps on lib.matrix 2.3.0")
                .manifestAttribute("Plugin-Vendor", "layerhost samples")
                .manifestAttribute("Plugin-License", "Apache-2.0")
                .sources(workspace.sources(NAME, "forest-ml", "p.forest"))
                .modulePath(matrixTwo)
                .build(forest.resolve("p-forest-2.0.0.jar"));

        // jsonl-export.jar: JSON lines.
        workspace.plugin("p.jsonl", "1.0.0")
                .provides(EXPORTER, "p.jsonl.JsonLinesExporter")
                .manifestAttribute("Plugin-Description", "Exports rows as JSON lines, keys sorted")
                .manifestAttribute("Plugin-Vendor", "layerhost samples")
                .manifestAttribute("Plugin-License", "Apache-2.0")
                .sources(workspace.sources(NAME, "jsonl-export", "p.jsonl"))
                .build(root.resolve("jsonl-export.jar"));

        // warehouse.jar: requires plugin p.csv and parses with its exported p.csv.format.
        workspace.plugin("p.warehouse", "0.9.0")
                .requires("p.csv")
                .provides(DATA_SOURCE, "p.warehouse.WarehouseSource")
                .manifestAttribute("Plugin-Description", "Warehouse tables, parsed with p.csv's format")
                .manifestAttribute("Plugin-Vendor", "layerhost samples")
                .manifestAttribute("Plugin-License", "Apache-2.0")
                .sources(workspace.sources(NAME, "warehouse", "p.warehouse"))
                .modulePath(csv)
                .build(root.resolve("warehouse.jar"));
    }

    /**
     * Builds {@code jsonl-export.jar} again as {@code p.jsonl} 1.1.0, from the same sources, into
     * {@code root}: a newer version to drop into a copy of the demo root while {@code watch} follows it.
     */
    void buildUpgrades(Path root) {
        workspace.plugin("p.jsonl", "1.1.0")
                .provides(EXPORTER, "p.jsonl.JsonLinesExporter")
                .sources(workspace.sources(NAME, "jsonl-export", "p.jsonl"))
                .build(root.resolve("jsonl-export.jar"));
    }
}
