package dev.layerhost.samples;

import static dev.layerhost.samples.Workspace.DATA_SOURCE;
import static dev.layerhost.samples.Workspace.EXPORTER;

import dev.layerhost.pluginbuilder.Corruption;
import dev.layerhost.pluginbuilder.PluginJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The root {@code broken}: one entry per diagnostic code, two sound plugins copied from the demo
 * (a bad plugin must not take them down), and files the host must ignore. The entries about
 * dependencies are built by {@link BrokenDependencies}; {@code plugin-layers/samples/README.md}
 * lists every entry with the code it demonstrates.
 */
record BrokenRoot(Workspace workspace, Path demoRoot) {

    static final String NAME = "broken";

    /** Builds every entry into {@code root}, which should be empty. */
    void build(Path root) throws IOException {
        // Sound neighbours: they must stay OK/LOADED whatever else is in this root.
        Files.createDirectories(root);
        Files.copy(demoRoot.resolve("csv-source.jar"), root.resolve("csv-source.jar"));
        Files.copy(demoRoot.resolve("jsonl-export.jar"), root.resolve("jsonl-export.jar"));

        buildInvalidArchives(root);
        buildNoProvider(root);
        buildDuplicates(root);
        new BrokenDependencies(workspace).build(root);
        buildAutomaticAndExploding(root);
        buildIgnoredFiles(root);
    }

    /** INVALID_ARCHIVE: a plugin jar cut short, and a text file named like a jar. */
    private void buildInvalidArchives(Path root) throws IOException {
        Path truncated = workspace.plugin("p.truncated", "1.0.0")
                .provides(DATA_SOURCE, "p.truncated.TruncatedSource")
                .sources(workspace.sources(NAME, "truncated", "p.truncated"))
                .build(root.resolve("truncated.jar"));
        // Half the bytes: the zip's central directory, at the end, is gone, as after a broken download.
        Corruption.truncate(truncated, (int) (Files.size(truncated) / 2));

        Path notZip = root.resolve("not-a-zip.jar");
        Files.createFile(notZip);
        Corruption.overwriteWithText(notZip, "This is plain text with a .jar name, not a zip archive.\n");
    }

    /** NO_PROVIDER: a module with a DataSource class but no provides clause. */
    private void buildNoProvider(Path root) {
        workspace.plugin("p.noprovider", "1.0.0")
                .exports("p.noprovider.text")
                .sources(workspace.sources(NAME, "no-provider", "p.noprovider"))
                .build(root.resolve("no-provider.jar"));
    }

    /** DUPLICATE_PLUGIN (p.dup in two entries) and DUPLICATE_MODULE (lib.twice twice in one entry). */
    private void buildDuplicates(Path root) {
        Path dupSources = workspace.sources(NAME, "dup", "p.dup");
        workspace.plugin("p.dup", "1.0.0")
                .provides(DATA_SOURCE, "p.dup.DupSource")
                .sources(dupSources)
                .build(root.resolve("dup-a.jar"));
        workspace.plugin("p.dup", "1.1.0")
                .provides(DATA_SOURCE, "p.dup.DupSource")
                .sources(dupSources)
                .build(root.resolve("dup-b/p-dup-1.1.0.jar"));

        Path entry = root.resolve("duplicate-module");
        Path twiceSources = workspace.sources(NAME, "duplicate-module", "lib.twice");
        workspace.library("lib.twice", "1.0.0").exports("lib.twice").sources(twiceSources)
                .build(entry.resolve("lib-twice-1.0.0.jar"));
        Path newer = workspace.library("lib.twice", "1.1.0").exports("lib.twice").sources(twiceSources)
                .build(entry.resolve("lib-twice-1.1.0.jar"));
        workspace.plugin("p.twice", "1.0.0")
                .requires("lib.twice")
                .provides(DATA_SOURCE, "p.twice.TwiceSource")
                .sources(workspace.sources(NAME, "duplicate-module", "p.twice"))
                .modulePath(newer)
                .build(entry.resolve("p-twice-1.0.0.jar"));
    }

    /** AUTOMATIC_MODULE (a warning: still sound) and PROVIDER_FAILED (sound until loaded). */
    private void buildAutomaticAndExploding(Path root) {
        PluginJar.builder("legacy.exporter")
                .automaticModuleName("legacy.exporter")
                .provides(EXPORTER, "legacy.exporter.TsvExporter")
                .sources(workspace.sources(NAME, "legacy-exporter", "legacy.exporter"))
                .modulePath(workspace.apiJar())
                .build(root.resolve("legacy-exporter.jar"));

        workspace.plugin("p.exploding", "1.0.0")
                .provides(DATA_SOURCE, "p.exploding.ExplodingSource")
                .sources(workspace.sources(NAME, "exploding", "p.exploding"))
                .build(root.resolve("exploding.jar"));
    }

    /** Entries that are no plugin candidates at all; the host ignores them without a diagnostic. */
    private void buildIgnoredFiles(Path root) throws IOException {
        Files.writeString(root.resolve("README.txt"), """
                A sample plugin root full of mistakes, one per layerhost diagnostic code.
                This file, the empty folder empty/, the hidden .hidden.jar and the dangling link
                dangling.jar are no plugin candidates: the host ignores them.
                See plugin-layers/samples/README.md for what each entry demonstrates.
                """);
        Files.createDirectories(root.resolve("empty"));
        // Hidden entries are skipped whatever they hold; this one would be INVALID_ARCHIVE otherwise.
        Files.copy(root.resolve("truncated.jar"), root.resolve(".hidden.jar"));
        try {
            Files.createSymbolicLink(root.resolve("dangling.jar"), Path.of("nowhere.jar"));
        } catch (UnsupportedOperationException | IOException e) {
            System.err.println("Sample root " + root + " has no dangling.jar: this file system refused"
                    + " a symbolic link (" + e + ")");
        }
    }
}
