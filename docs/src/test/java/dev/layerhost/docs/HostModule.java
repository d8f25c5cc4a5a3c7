package dev.layerhost.docs;

import com.example.host.HostApplication;
import com.fasterxml.jackson.core.JsonFactory;
import dev.layerhost.api.DataSource;
import dev.layerhost.core.PluginHost;
import dev.layerhost.pluginbuilder.ModuleLocation;

import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The guide's host, {@code com.example.host}, as a named module: in a layer of its own, defined from the
 * jars (or classes folders) the build made, as {@code java --module-path ... -m com.example.host} would.
 * The tests run on the class path, where {@code apiModule(DataSource.class.getModule())} would name an
 * unnamed module.
 */
final class HostModule {

    private HostModule() {
    }

    /** The class of {@code com.example.host} named like {@code type}, from a new layer of the module. */
    static Class<?> load(Class<?> type) throws ReflectiveOperationException {
        Path[] modulePath = Stream.of(HostApplication.class, PluginHost.class, DataSource.class,
                        org.slf4j.Logger.class, org.slf4j.simple.SimpleLogger.class, JsonFactory.class)
                .map(ModuleLocation::of)
                .toArray(Path[]::new);
        Configuration configuration = ModuleLayer.boot().configuration()
                .resolveAndBind(ModuleFinder.of(modulePath), ModuleFinder.of(), Set.of("com.example.host"));
        ModuleLayer.Controller controller = ModuleLayer.defineModulesWithOneLoader(configuration,
                List.of(ModuleLayer.boot()), ClassLoader.getPlatformClassLoader());
        ModuleLayer layer = controller.layer();
        // The host exports nothing, as an application should; java -m would call main all the same.
        controller.addExports(layer.findModule("com.example.host").orElseThrow(), "com.example.host",
                HostModule.class.getModule());
        return layer.findLoader("com.example.host").loadClass(type.getName());
    }
}
