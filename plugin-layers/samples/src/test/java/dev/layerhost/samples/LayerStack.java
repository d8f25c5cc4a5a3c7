package dev.layerhost.samples;

import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * A bare-bones stand-in for the host, enough to prove that the sample plugins run: an API layer
 * over the boot layer, and one layer per plugin entry. The test classes do not see the API types
 * (they are in the API layer), so plugin methods are called reflectively through the API interfaces.
 */
record LayerStack(ModuleLayer api) {

    static LayerStack over(Path apiModule) {
        return new LayerStack(define(List.of(apiModule), List.of(ModuleLayer.boot())));
    }

    /** A layer holding every module of {@code modules}, with the given parents. */
    static ModuleLayer define(List<Path> modules, List<ModuleLayer> parents) {
        ModuleFinder finder = ModuleFinder.of(modules.toArray(Path[]::new));
        var roots = finder.findAll().stream().map(reference -> reference.descriptor().name())
                .collect(Collectors.toSet());
        Configuration configuration = Configuration.resolve(ModuleFinder.of(),
                parents.stream().map(ModuleLayer::configuration).toList(), finder, roots);
        return ModuleLayer.defineModulesWithOneLoader(configuration, parents, ClassLoader.getPlatformClassLoader())
                .layer();
    }

    /** A layer for one plugin entry whose only parent is the API layer. */
    ModuleLayer plugin(Path... modules) {
        return define(List.of(modules), List.of(api));
    }

    /** The API type {@code dev.layerhost.api.<simpleName>}. */
    Class<?> type(String simpleName) throws ClassNotFoundException {
        return api.findLoader("layerhost.api").loadClass("dev.layerhost.api." + simpleName);
    }

    /** The first provider of the API type {@code simpleName} that {@code layer} itself defines. */
    Object provider(ModuleLayer layer, String simpleName) throws ClassNotFoundException {
        Class<?> service = type(simpleName);
        return ServiceLoader.load(layer, service).stream()
                .filter(provider -> provider.type().getModule().getLayer() == layer)
                .findFirst()
                .map(ServiceLoader.Provider::get)
                .orElseThrow(() -> new AssertionError("No " + simpleName + " in " + layer));
    }

    /** Calls the API method {@code method} on {@code target}, unwrapping what it throws. */
    Object call(Object target, String apiType, String method, Object... arguments) throws Exception {
        for (Method candidate : type(apiType).getMethods()) {
            if (candidate.getName().equals(method) && candidate.getParameterCount() == arguments.length) {
                try {
                    return candidate.invoke(target, arguments);
                } catch (InvocationTargetException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        }
        throw new NoSuchMethodException(apiType + "." + method);
    }

    /** The module names and versions in {@code layer}, as {@code name@version}. */
    static List<String> modules(ModuleLayer layer) {
        return layer.modules().stream().map(module -> module.getDescriptor().toNameAndVersion()).sorted().toList();
    }

    /** The module in a single-module jar. */
    static ModuleReference reference(Path jar) {
        return ModuleFinder.of(jar).findAll().iterator().next();
    }
}
