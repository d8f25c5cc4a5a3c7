package dev.layerhost.pluginbuilder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plugin roots whose module graph is deep: a chain of thousands of plugins, each requiring the one
 * before it, or a folder entry whose plugin stands on a chain of thousands of private libraries. The
 * modules are copies of a few templates compiled in one javac run ({@link JarTemplate}), so a chain of
 * 5,000 takes seconds to write instead of minutes to compile.
 *
 * <pre>{@code
 * ModuleChains chains = ModuleChains.compile(DataSourcePlugins.compiledAgainst(apiJar), workspace);
 * chains.plugins(5000, root);   // root/p.c00000.jar requires p.c00001 ... root/p.c04999.jar requires no plugin
 * chains.libraries(4000, root.resolve("deep"));       // root/deep/p.deep.jar and l.c00000.jar ...
 * }</pre>
 *
 * <p>Every module has version 1.0.0. Immutable once compiled.
 */
public final class ModuleChains {

    /** The plugin module of a folder written by {@link #libraries}. */
    public static final String FOLDER_PLUGIN = "p.deep";

    /** How many modules one chain may have: its names have five digits. */
    public static final int MAX_LENGTH = 100_000;

    private static final String PLUGIN_HEAD = "p.t00000";
    private static final String PLUGIN_LINK = "p.t00001";
    private static final String LIBRARY_HEAD = "l.t00000";
    private static final String LIBRARY_LINK = "l.t00001";

    private final JarTemplate pluginHead;
    private final JarTemplate pluginLink;
    private final JarTemplate libraryHead;
    private final JarTemplate libraryLink;
    private final JarTemplate folderPlugin;

    private ModuleChains(List<Path> templates) {
        this.pluginHead = JarTemplate.of(templates.get(0));
        this.pluginLink = JarTemplate.of(templates.get(1));
        this.libraryHead = JarTemplate.of(templates.get(2));
        this.libraryLink = JarTemplate.of(templates.get(3));
        this.folderPlugin = JarTemplate.of(templates.get(4));
    }

    /**
     * Compiles the templates against {@code plugins}' API jar, below {@code workspace}, in one javac run.
     *
     * @throws PluginBuildException if javac fails
     */
    public static ModuleChains compile(DataSourcePlugins plugins, Path workspace) {
        List<Path> templates = plugins.batch(List.of())
                .module(plugin(PLUGIN_HEAD, ""))
                .module(plugin(PLUGIN_LINK, "requires " + PLUGIN_HEAD + "; "))
                .module(library(LIBRARY_HEAD, ""))
                .module(library(LIBRARY_LINK, "requires " + LIBRARY_HEAD + "; "))
                .module(plugin(FOLDER_PLUGIN, "requires " + LIBRARY_LINK + "; "))
                .version("1.0.0")
                .build(workspace.resolve("chain-templates"), workspace.resolve("chain-templates/jars"));
        return new ModuleChains(templates);
    }

    /** The name of module {@code index} of a plugin chain: {@code p.c00042}. */
    public static String pluginName(int index) {
        return "p.c%05d".formatted(checked(index));
    }

    /** The name of library {@code index} of a library chain: {@code l.c00042}. */
    public static String libraryName(int index) {
        return "l.c%05d".formatted(checked(index));
    }

    /**
     * Writes {@code root/p.c<i>.jar} for every {@code i} below {@code count}: plugin {@code p.c<i>}
     * requires {@code layerhost.api} and, but for the last, {@code p.c<i+1>}, and provides
     * {@code DataSource} with {@code p.c<i>.Source}, whose {@code name()} is the module's name. The first
     * name stands on all the others: a walk that takes the plugins in the order of their names, as a
     * checker does, goes down the whole chain from the first one.
     *
     * @return the plugins' names, the one every other stands on first ({@code p.c<count-1>}), then each
     *     plugin after the one it requires
     * @throws IllegalArgumentException if {@code count} is not between 1 and {@link #MAX_LENGTH}
     */
    public List<String> plugins(int count, Path root) {
        checkLength(count);
        List<String> names = new ArrayList<>();
        for (int i = count - 1; i >= 0; i--) {
            String name = pluginName(i);
            if (i == count - 1) {
                pluginHead.copy(root.resolve(name + ".jar"), renaming(PLUGIN_HEAD, name));
            } else {
                Map<String, String> replacements = new LinkedHashMap<>(renaming(PLUGIN_LINK, name));
                // the module required is named in the requires clause only
                replacements.put(PLUGIN_HEAD, pluginName(i + 1));
                pluginLink.copy(root.resolve(name + ".jar"), replacements);
            }
            names.add(name);
        }
        return List.copyOf(names);
    }

    /**
     * Writes the folder entry {@code folder}: {@code p.deep.jar}, the plugin {@value #FOLDER_PLUGIN} (a
     * {@code DataSource} as {@link #plugins} writes them) requiring the last of {@code count} libraries,
     * and {@code l.c<i>.jar} for every {@code i} below {@code count}: library {@code l.c<i>} exports its
     * package {@code l.c<i>} (one empty class) and, but for the first, requires {@code l.c<i-1>}.
     *
     * @return the libraries' names, in chain order
     * @throws IllegalArgumentException if {@code count} is not between 1 and {@link #MAX_LENGTH}
     */
    public List<String> libraries(int count, Path folder) {
        checkLength(count);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = libraryName(i);
            if (i == 0) {
                libraryHead.copy(folder.resolve(name + ".jar"), renaming(LIBRARY_HEAD, name));
            } else {
                Map<String, String> replacements = new LinkedHashMap<>(renaming(LIBRARY_LINK, name));
                replacements.put(LIBRARY_HEAD, libraryName(i - 1));
                libraryLink.copy(folder.resolve(name + ".jar"), replacements);
            }
            names.add(name);
        }
        folderPlugin.copy(folder.resolve(FOLDER_PLUGIN + ".jar"), Map.of(LIBRARY_LINK, libraryName(count - 1)));
        return List.copyOf(names);
    }

    /** A module and its package renamed: the package appears with dots and with slashes in class files. */
    private static Map<String, String> renaming(String placeholder, String name) {
        return Map.of(placeholder, name, placeholder.replace('.', '/'), name.replace('.', '/'));
    }

    private static ModuleSource plugin(String name, String requires) {
        String moduleInfo = "module %s { requires %s; %sprovides %s with %s.Source; }"
                .formatted(name, DataSourcePlugins.API_MODULE, requires, DataSourcePlugins.SERVICE, name);
        return new ModuleSource(name, moduleInfo,
                Map.of(name + ".Source", DataSourcePlugins.sourceOf(name + ".Source", '"' + name + '"', "")));
    }

    private static ModuleSource library(String name, String requires) {
        return new ModuleSource(name, "module %s { %sexports %s; }".formatted(name, requires, name),
                Map.of(name + ".Marker", "package %s; public class Marker {}".formatted(name)));
    }

    private static void checkLength(int count) {
        if (count < 1 || count > MAX_LENGTH) {
            throw new IllegalArgumentException("a chain has 1 to " + MAX_LENGTH + " modules, not " + count);
        }
    }

    private static int checked(int index) {
        if (index < 0 || index >= MAX_LENGTH) {
            throw new IllegalArgumentException("no module " + index + " in a chain of at most " + MAX_LENGTH);
        }
        return index;
    }
}
