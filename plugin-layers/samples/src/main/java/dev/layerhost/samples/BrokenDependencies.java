package dev.layerhost.samples;

import static dev.layerhost.samples.Workspace.DATA_SOURCE;
import static dev.layerhost.samples.Workspace.EXPORTER;

import dev.layerhost.pluginbuilder.DataSourcePlugins;
import dev.layerhost.pluginbuilder.PluginJar;
import java.nio.file.Path;

/**
 * The entries of the root {@code broken} whose module graph is wrong: MISSING_DEPENDENCY,
 * SPLIT_PACKAGE, VERSION_CONFLICT, DEPENDENCY_CYCLE, DEPENDENCY_REJECTED. Several of them javac would
 * refuse against the real dependency; they are compiled against empty stand-in modules, which
 * {@link PluginJar} generates for every required module missing from the compile module path.
 */
record BrokenDependencies(Workspace workspace) {

    private static final String NAME = BrokenRoot.NAME;

    /** Builds these entries into {@code root}. */
    void build(Path root) {
        buildMissingAndRejected(root);
        buildSplitPackages(root);
        buildTransitiveConflict(root);
        buildMajorConflict(root);
        buildCycle(root);
    }

    /** p.needy requires lib.absent (nowhere); p.onrejected requires p.needy. */
    private void buildMissingAndRejected(Path root) {
        Path needy = workspace.plugin("p.needy", "1.0.0")
                .requires("lib.absent")
                .provides(DATA_SOURCE, "p.needy.NeedySource")
                .sources(workspace.sources(NAME, "missing-dependency", "p.needy"))
                .build(root.resolve("missing-dependency.jar"));

        workspace.plugin("p.onrejected", "1.0.0")
                .requires("p.needy")
                .provides(DATA_SOURCE, "p.onrejected.OnRejectedSource")
                .sources(workspace.sources(NAME, "on-rejected", "p.onrejected"))
                .modulePath(needy)
                .build(root.resolve("on-rejected.jar"));
    }

    /** shared.util in p.split and in its library lib.split; dev.layerhost.api in p.apisplit and the API. */
    private void buildSplitPackages(Path root) {
        Path entry = root.resolve("split-package");
        workspace.library("lib.split", "1.0.0")
                .exports("shared.util")
                .sources(workspace.sources(NAME, "split-package", "lib.split"))
                .build(entry.resolve("lib-split-1.0.0.jar"));
        // Not compiled against the lib.split just built: javac refuses a package its dependency exports.
        workspace.plugin("p.split", "1.0.0")
                .requires("lib.split")
                .provides(DATA_SOURCE, "p.split.SplitSource")
                .sources(workspace.sources(NAME, "split-package", "p.split"))
                .build(entry.resolve("p-split-1.0.0.jar"));

        // The API jar stays off the module path for the same reason; the plugin carries its own copy
        // of DataSource, as a build that shades its dependencies would.
        PluginJar.builder("p.apisplit")
                .version("1.0.0")
                .requires(DataSourcePlugins.API_MODULE)
                .provides(DATA_SOURCE, "p.apisplit.ShadedSource")
                .sources(workspace.sources(NAME, "split-api-package", "p.apisplit"))
                .build(root.resolve("split-api-package.jar"));
    }

    /** p.vc reads lib.json 1.0.0 through p.base's requires transitive, and bundles lib.json 2.0.0. */
    private void buildTransitiveConflict(Path root) {
        Path base = root.resolve("base");
        Path jsonOne = workspace.library("lib.json", "1.0.0")
                .exports("lib.json")
                .sources(workspace.sources(NAME, "base", "lib.json"))
                .build(base.resolve("lib-json-1.0.0.jar"));
        Path baseJar = workspace.plugin("p.base", "1.0.0")
                .requiresTransitive("lib.json")
                .exports("p.base.catalog")
                .provides(DATA_SOURCE, "p.base.BaseSource")
                .sources(workspace.sources(NAME, "base", "p.base"))
                .modulePath(jsonOne)
                .build(base.resolve("p-base-1.0.0.jar"));

        Path conflict = root.resolve("conflict-transitive");
        Path jsonTwo = workspace.library("lib.json", "2.0.0")
                .exports("lib.json")
                .sources(workspace.sources(NAME, "conflict-transitive", "lib.json"))
                .build(conflict.resolve("lib-json-2.0.0.jar"));
        // javac sees one lib.json (2.0.0); only at run time does p.base bring its 1.0.0 along.
        workspace.plugin("p.vc", "1.0.0")
                .requires("p.base")
                .requires("lib.json")
                .provides(EXPORTER, "p.vc.CatalogExporter")
                .sources(workspace.sources(NAME, "conflict-transitive", "p.vc"))
                .modulePath(baseJar, jsonTwo)
                .build(conflict.resolve("p-vc-1.0.0.jar"));
    }

    /** p.major is compiled against lib.codec 1.4.0 but its folder bundles lib.codec 2.0.0. */
    private void buildMajorConflict(Path root) {
        // The real 1.4.0, so p.major can use it; it lives outside every root.
        Path codecOld = workspace.library("lib.codec", "1.4.0")
                .exports("lib.codec")
                .sources(workspace.sources(NAME, "conflict-major", "lib.codec-1.4.0"))
                .build(workspace.compileOnly().resolve("lib-codec-1.4.0.jar"));
        Path entry = root.resolve("conflict-major");
        workspace.library("lib.codec", "2.0.0")
                .exports("lib.codec")
                .sources(workspace.sources(NAME, "conflict-major", "lib.codec-2.0.0"))
                .build(entry.resolve("lib-codec-2.0.0.jar"));
        workspace.plugin("p.major", "1.0.0")
                .requires("lib.codec")
                .provides(DATA_SOURCE, "p.major.CodecSource")
                .sources(workspace.sources(NAME, "conflict-major", "p.major"))
                .modulePath(codecOld)
                .build(entry.resolve("p-major-1.0.0.jar"));
    }

    /** p.cyca requires p.cycb requires p.cyca; each is compiled against a stand-in for the other. */
    private void buildCycle(Path root) {
        workspace.plugin("p.cyca", "1.0.0")
                .requires("p.cycb")
                .provides(DATA_SOURCE, "p.cyca.CycleASource")
                .sources(workspace.sources(NAME, "cycle-a", "p.cyca"))
                .build(root.resolve("cycle-a.jar"));
        workspace.plugin("p.cycb", "1.0.0")
                .requires("p.cyca")
                .provides(DATA_SOURCE, "p.cycb.CycleBSource")
                .sources(workspace.sources(NAME, "cycle-b", "p.cycb"))
                .build(root.resolve("cycle-b.jar"));
    }
}
