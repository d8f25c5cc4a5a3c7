package dev.layerhost.pluginbuilder;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The plugin most tests load: a module {@code m} that requires {@code layerhost.api} and provides
 * {@code dev.layerhost.api.DataSource} with the class {@code m.Source} (its package is the module's
 * name), whose {@code name()} returns the module's name. The kit requires only {@code java.base}, so it
 * names the API's types in source text only and compiles against the API jar its caller hands in:
 *
 * <pre>{@code
 * DataSourcePlugins plugins = DataSourcePlugins.compiledAgainst(ModuleLocation.of(DataSource.class));
 * plugins.plugin("p.alpha", "1.2.0").build(root.resolve("alpha.jar"));
 * plugins.plugin("p.boom", "1.0.0", "public Source() { throw new IllegalStateException(); }")
 *     .requires("lib.absent")                      // any further PluginJar.Builder call
 *     .build(root.resolve("boom.jar"));
 * plugins.batch(List.of("p.one", "p.two")).version("1.0.0").build(workspace, root);   // one javac run
 * }</pre>
 *
 * <p>Immutable; the builders it returns are new each time.
 */
public final class DataSourcePlugins {

    /** The service every plugin of this class provides. */
    public static final String SERVICE = "dev.layerhost.api.DataSource";

    /** The module that declares {@link #SERVICE}, which every plugin of this class requires. */
    public static final String API_MODULE = "layerhost.api";

    private final Path apiJar;

    private DataSourcePlugins(Path apiJar) {
        this.apiJar = Objects.requireNonNull(apiJar, "apiJar");
    }

    /**
     * Plugins compiled against {@code apiJar}, the jar or classes folder of module
     * {@value #API_MODULE} (see {@link ModuleLocation#of}).
     */
    public static DataSourcePlugins compiledAgainst(Path apiJar) {
        return new DataSourcePlugins(apiJar);
    }

    /** The jar or classes folder of {@value #API_MODULE} that the plugins are compiled against. */
    public Path apiJar() {
        return apiJar;
    }

    /** The plugin module {@code module} at {@code version}, providing {@link #SERVICE} with {@code module.Source}. */
    public PluginJar.Builder plugin(String module, String version) {
        return plugin(module, version, "");
    }

    /**
     * The plugin module {@code module} at {@code version}, whose class {@code module.Source} also holds
     * {@code members} (fields, constructors, a static initializer), as Java source text.
     */
    public PluginJar.Builder plugin(String module, String version, String members) {
        return PluginJar.builder(module)
                .version(version)
                .requires(API_MODULE)
                .provides(SERVICE, module + ".Source")
                .source(module + ".Source", sourceOf(module + ".Source", quoted(module), members))
                .modulePath(apiJar);
    }

    /**
     * A non-modular jar whose {@code META-INF/services} names {@code className}, a data source whose
     * {@code name()} returns the class's simple name: an automatic module plugin. Its module name comes
     * from the file name the jar is built at.
     */
    public PluginJar.Builder automatic(String className) {
        return PluginJar.builder(packageOf(className))
                .automatic()
                .provides(SERVICE, className)
                .source(className, sourceOf(className, quoted(simpleNameOf(className)), ""))
                .modulePath(apiJar);
    }

    /**
     * Every module of {@code modules} as {@link #plugin(String, String)} declares it, in one
     * {@link ModuleBatch} against the API jar; the caller sets the version and builds.
     */
    public ModuleBatch.Builder batch(List<String> modules) {
        ModuleBatch.Builder batch = ModuleBatch.builder().modulePath(apiJar);
        modules.forEach(module -> batch.module(moduleSource(module)));
        return batch;
    }

    /** The plugin module {@code module} as {@link #plugin(String, String)} declares it, as source text. */
    public static ModuleSource moduleSource(String module) {
        String moduleInfo = "module %s { requires %s; provides %s with %s.Source; }"
                .formatted(module, API_MODULE, SERVICE, module);
        return new ModuleSource(module, moduleInfo,
                Map.of(module + ".Source", sourceOf(module + ".Source", quoted(module), "")));
    }

    /**
     * The source of the public class {@code className} (in a named package), a {@link #SERVICE} whose
     * {@code name()} returns the Java expression {@code nameExpression}, with {@code members} (fields,
     * constructors, a static initializer) added to the class body.
     *
     * @throws IllegalArgumentException if {@code className} has no package
     */
    public static String sourceOf(String className, String nameExpression, String members) {
        return """
                package %s;

                import java.util.List;
                import java.util.Map;

                public class %s implements %s {
                    %s
                    public String name() { return %s; }
                    public List<String> schemes() { return List.of("test"); }
                    public List<Map<String, Object>> read(String location, int limit) { return List.of(); }
                }
                """.formatted(packageOf(className), simpleNameOf(className), SERVICE, members, nameExpression);
    }

    private static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        if (dot <= 0) {
            throw new IllegalArgumentException("Class " + className + " has no package");
        }
        return className.substring(0, dot);
    }

    private static String simpleNameOf(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** {@code text} as a Java string literal; module and class names need no escapes. */
    private static String quoted(String text) {
        return '"' + text + '"';
    }
}
