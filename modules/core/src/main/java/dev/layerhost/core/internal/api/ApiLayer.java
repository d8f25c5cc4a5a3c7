package dev.layerhost.core.internal.api;

import dev.layerhost.core.HostSetupException;
import dev.layerhost.core.internal.model.ModelConfiguration;
import dev.layerhost.core.internal.model.ModuleNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.lang.module.ResolutionException;
import java.lang.module.ResolvedModule;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The API layer: the parent of every plugin layer, holding the service types plugins provide. Its API
 * modules are the ones the host names (modules of its own layer) plus whatever API paths add.
 */
public final class ApiLayer {

    private final ModuleLayer layer;
    private final Set<String> moduleNames;
    private final ModelConfiguration model;
    /**
     * {@link #serviceTypes()}, worked out on first use: it loads every class of the API modules, and the
     * layer never changes. Two threads may both work it out; they get equal lists.
     */
    private volatile List<String> serviceTypes;

    private ApiLayer(ModuleLayer layer, Set<String> moduleNames) {
        this.layer = Objects.requireNonNull(layer, "layer");
        this.moduleNames = Set.copyOf(moduleNames);
        this.model = ModelConfiguration.of(layer.configuration(), ModuleLayer.boot().configuration(), this.moduleNames);
    }

    /**
     * An API layer made of an existing layer, whose API modules are {@code moduleNames}, for hosts that
     * build their own API layer.
     */
    public static ApiLayer of(ModuleLayer layer, Set<String> moduleNames) {
        return new ApiLayer(layer, moduleNames);
    }

    /**
     * An API layer that holds no API module yet: the boot layer, to be {@linkplain #extendedWith extended}
     * by API paths.
     */
    public static ApiLayer boot() {
        return new ApiLayer(ModuleLayer.boot(), Set.of());
    }

    /**
     * This API layer extended by the modules of {@code paths} (jars, or folders of jars), in a child
     * layer. Every module found becomes an API module.
     *
     * @throws HostSetupException if a path is missing, holds no module, or its modules do not resolve
     */
    public ApiLayer extendedWith(List<Path> paths) {
        if (paths.isEmpty()) {
            return this;
        }
        List<Path> jars = new ArrayList<>();
        Set<String> names = new TreeSet<>();
        for (Path path : paths) {
            List<Path> found = jarsAt(path);
            // Each path read on its own, so that an error names the path it is about.
            try {
                ModuleFinder.of(found.toArray(Path[]::new)).findAll()
                        .forEach(reference -> names.add(reference.descriptor().name()));
            } catch (FindException e) {
                throw new HostSetupException("cannot read API modules in " + path + ": " + oneLine(e), path);
            }
            jars.addAll(found);
        }
        if (names.isEmpty()) {
            throw new HostSetupException("no module found in API path " + paths.get(0), paths.get(0));
        }
        ModuleFinder finder = ModuleFinder.of(jars.toArray(Path[]::new));
        Set<String> all = new TreeSet<>(moduleNames);
        all.addAll(names);
        return new ApiLayer(define(finder, layer, paths.get(0)), all);
    }

    private static List<Path> jarsAt(Path path) {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (Files.isDirectory(path)) {
            try (Stream<Path> children = Files.list(path)) {
                List<Path> jars = children.filter(p -> p.getFileName().toString().endsWith(".jar"))
                        .filter(Files::isRegularFile).sorted().toList();
                if (Files.exists(path.resolve("module-info.class"))) {
                    return List.of(path);
                }
                if (jars.isEmpty()) {
                    throw new HostSetupException("no jar found in API path " + path, path);
                }
                return jars;
            } catch (IOException e) {
                throw new HostSetupException("cannot read API path " + path + ": " + e.getMessage(), path);
            }
        }
        throw new HostSetupException("API path does not exist: " + path, path);
    }

    private static ModuleLayer define(ModuleFinder finder, ModuleLayer parent, Path where) {
        try {
            Set<String> roots = finder.findAll().stream().map(ModuleReference::descriptor)
                    .map(ModuleDescriptor::name).collect(Collectors.toSet());
            Configuration configuration = parent.configuration().resolve(finder, ModuleFinder.of(), roots);
            return parent.defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());
        } catch (FindException | ResolutionException | LayerInstantiationException e) {
            throw new HostSetupException("cannot build the API layer from " + where + ": " + oneLine(e), where);
        }
    }

    private static String oneLine(Exception e) {
        return String.valueOf(e.getMessage()).replace('\n', ' ');
    }

    /** The API layer itself, the parent of every plugin layer. */
    public ModuleLayer layer() {
        return layer;
    }

    /** The names of the API modules, sorted. */
    public List<String> moduleNames() {
        return moduleNames.stream().sorted().toList();
    }

    public ModelConfiguration model() {
        return model;
    }

    /** The API modules as the checker's resolver sees them. */
    public List<ModuleNode> apiNodes() {
        return moduleNames.stream().map(model::findModule).flatMap(Optional::stream).toList();
    }

    /** The API modules' names and versions, for the layer graph. */
    public List<ModuleDescriptor> apiDescriptors() {
        return moduleNames.stream().sorted()
                .map(name -> layer.configuration().findModule(name))
                .flatMap(Optional::stream)
                .map(ResolvedModule::reference)
                .map(ModuleReference::descriptor)
                .toList();
    }

    /**
     * The binary names of the public types in the packages the API modules export to everyone, sorted:
     * the service types a plugin may provide. Read from the API modules' contents; the classes are
     * loaded (the host's own API, never plugin code) but not initialized.
     */
    public List<String> serviceTypes() {
        List<String> known = serviceTypes;
        if (known == null) {
            known = readServiceTypes();
            serviceTypes = known;
        }
        return known;
    }

    private List<String> readServiceTypes() {
        Set<String> exported = new HashSet<>();
        for (ModuleDescriptor descriptor : apiDescriptors()) {
            descriptor.exports().stream().filter(exports -> !exports.isQualified())
                    .forEach(exports -> exported.add(exports.source()));
        }
        Set<String> types = new TreeSet<>();
        for (String name : moduleNames) {
            Optional<Module> module = layer.findModule(name);
            Optional<ResolvedModule> resolved = layer.configuration().findModule(name);
            if (module.isEmpty() || resolved.isEmpty()) {
                continue;
            }
            try (ModuleReader reader = resolved.get().reference().open(); Stream<String> entries = reader.list()) {
                entries.filter(entry -> entry.endsWith(".class"))
                        .map(entry -> entry.substring(0, entry.length() - ".class".length()).replace('/', '.'))
                        .filter(type -> exported.contains(packageOf(type)))
                        .filter(type -> isPublicType(type, module.get()))
                        .forEach(types::add);
            } catch (IOException | UncheckedIOException e) {
                // an API module whose contents cannot be listed offers no names; its types still work
            }
        }
        return List.copyOf(types);
    }

    private static boolean isPublicType(String type, Module module) {
        try {
            Class<?> loaded = Class.forName(type, false, module.getClassLoader());
            return Modifier.isPublic(loaded.getModifiers()) && !loaded.isAnonymousClass() && !loaded.isSynthetic();
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Whether {@code serviceType} is in a package that an API module exports to everyone. */
    public boolean isApiService(String serviceType) {
        String packageName = packageOf(serviceType);
        for (ModuleNode node : apiNodes()) {
            for (ModuleDescriptor.Exports exports : node.descriptor().exports()) {
                if (!exports.isQualified() && exports.source().equals(packageName)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The module of the Java runtime that exports {@code packageName} to everyone, if one does: a module of
     * the runtime image that the boot or platform class loader defines (or would: it may not be resolved),
     * and not an API module. An application linked into the same image is no part of the runtime.
     */
    public Optional<String> runtimeModuleExporting(String packageName) {
        ClassLoader platform = ClassLoader.getPlatformClassLoader();
        return ModuleFinder.ofSystem().findAll().stream()
                .map(ModuleReference::descriptor)
                .filter(descriptor -> !moduleNames.contains(descriptor.name()))
                .filter(descriptor -> descriptor.exports().stream()
                        .anyMatch(exports -> !exports.isQualified() && exports.source().equals(packageName)))
                .filter(descriptor -> ModuleLayer.boot().findModule(descriptor.name())
                        .map(Module::getClassLoader)
                        .map(loader -> loader == platform)
                        .orElse(true))
                .map(ModuleDescriptor::name)
                .sorted()
                .findFirst();
    }

    /** The Class of an API service type, as the API layer defines it. */
    public Optional<Class<?>> serviceClass(String serviceType) {
        String packageName = packageOf(serviceType);
        for (String name : moduleNames) {
            Optional<Module> module = layer.findModule(name);
            if (module.isPresent() && module.get().getPackages().contains(packageName)) {
                try {
                    return Optional.of(Class.forName(serviceType, false, module.get().getClassLoader()));
                } catch (ClassNotFoundException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Refuses a type whose name is an API service type's but whose class is another (another class
     * loader's): plugins implement the API layer's class, so asking for that one could only ever find
     * nothing.
     *
     * @param namedModules the API modules the host named itself (not those of API paths)
     * @throws IllegalArgumentException naming both class loaders and the fix
     */
    public void requireApiClass(Class<?> type, Set<String> namedModules) {
        Optional<Class<?>> apiClass = serviceClass(type.getName());
        if (apiClass.isEmpty() || apiClass.get() == type) {
            return;
        }
        String mismatch = type.getName() + " of " + describe(type.getClassLoader()) + " is not the API layer's "
                + type.getName() + " of " + describe(apiClass.get().getClassLoader())
                + ": plugins implement the API layer's class, so no plugin provides this one. ";
        Module module = type.getModule();
        if (module.isNamed() && namedModules.contains(module.getName())) {
            throw new IllegalArgumentException(mismatch + "An API path holds another copy of module "
                    + module.getName() + ", which hides the one named by apiModule(...)/apiLayer(...):"
                    + " remove it from the API paths");
        }
        throw new IllegalArgumentException(mismatch + "Build the host with apiModule(" + type.getSimpleName()
                + ".class.getModule()) (or apiLayer(...)) so that the host's own module is the API;"
                + " with apiPath(...), load the type from apiLayer()");
    }

    private static String describe(ClassLoader loader) {
        if (loader == null) {
            return "the boot class loader";
        }
        return loader.getName() == null ? "class loader " + loader : "class loader '" + loader.getName() + "' (" + loader + ")";
    }

    public static String packageOf(String typeName) {
        int dot = typeName.lastIndexOf('.');
        return dot < 0 ? "" : typeName.substring(0, dot);
    }
}
