package dev.layerhost.pluginbuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Requires;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.stream.Stream;

/**
 * Builds a real jar of one module (or a non-modular jar) from source text, with the running JDK's
 * {@code javac} and {@code jar} tools in-process.
 *
 * <pre>{@code
 * Path jar = PluginJar.builder("p.alpha")
 *     .version("1.2.0")
 *     .requires("layerhost.api")
 *     .requiresTransitive("lib.x")                      // not on the module path: compiled against a stub
 *     .compiledAgainst("lib.x", "1.4.0")                // the stub's version, recorded as compiledVersion
 *     .exports("p.alpha.spi")
 *     .provides("dev.layerhost.api.DataSource", "p.alpha.AlphaSource")
 *     .source("p.alpha.AlphaSource", "package p.alpha; public class AlphaSource implements ... { ... }")
 *     .emptyClass("p.alpha.spi.Marker")
 *     .modulePath(List.of(apiJar))
 *     .build(tempDir.resolve("alpha.jar"));
 * }</pre>
 *
 * <p><b>Stubs.</b> Before compiling, every required module (directly, or through a module on the
 * module path) that is neither on the module path nor a platform module ({@code java.*},
 * {@code jdk.*}, or in the running image) is replaced by a generated empty module
 * {@code module name {}}, versioned with {@link Builder#compiledAgainst} if given. This builds modules
 * whose dependency is missing, cyclic, or exports a package the module itself contains, none of which
 * javac accepts against the real thing. A stub never goes into the jar; code cannot use its classes.
 */
public final class PluginJar {

    private PluginJar() {
    }

    /**
     * Starts a jar of the module {@code moduleName}.
     *
     * @param moduleName the module's name; for an {@link Builder#automatic() automatic} jar only a
     *     label for messages, since the JDK derives an automatic module's name from the file name or
     *     {@link Builder#automaticModuleName}
     */
    public static Builder builder(String moduleName) {
        return new Builder(moduleName);
    }

    /**
     * Collects one jar's module declaration, sources and resources. Not thread-safe; each method
     * returns this builder. {@link #build} may be called more than once, for example to write the same
     * module to two places.
     */
    public static final class Builder {

        private final String moduleName;
        private Optional<String> version = Optional.empty();
        private final Map<String, Set<Requires.Modifier>> requires = new LinkedHashMap<>();
        private final List<String> exports = new ArrayList<>();
        private final List<String> opens = new ArrayList<>();
        private final List<String> uses = new ArrayList<>();
        private final Map<String, List<String>> provides = new LinkedHashMap<>();
        private final Map<String, String> sources = new LinkedHashMap<>();
        private final Map<String, byte[]> resources = new LinkedHashMap<>();
        private final List<Path> modulePath = new ArrayList<>();
        private final Map<String, String> compiledAgainst = new LinkedHashMap<>();
        private boolean automatic;
        private Optional<String> automaticModuleName = Optional.empty();
        private Optional<Path> scratchParent = Optional.empty();
        private final Map<String, String> manifestAttributes = new LinkedHashMap<>();

        private Builder(String moduleName) {
            this.moduleName = Objects.requireNonNull(moduleName, "moduleName");
        }

        /**
         * Sets the module version ({@code javac} and {@code jar --module-version}). For an automatic
         * jar it is written as {@code Implementation-Version} only: the JDK takes an automatic
         * module's version from the file name ({@code legacy-tool-2.1.jar}).
         *
         * @throws IllegalArgumentException if {@code version} is not a module version
         */
        public Builder version(String version) {
            ModuleDescriptor.Version.parse(version);
            this.version = Optional.of(version);
            return this;
        }

        /** Adds {@code requires module;}. */
        public Builder requires(String module) {
            return require(module, Set.of());
        }

        /** Adds {@code requires transitive module;}. */
        public Builder requiresTransitive(String module) {
            return require(module, Set.of(Requires.Modifier.TRANSITIVE));
        }

        /** Adds {@code requires static module;}. */
        public Builder requiresStatic(String module) {
            return require(module, Set.of(Requires.Modifier.STATIC));
        }

        /** Adds {@code exports pkg;}; the package needs at least one class (see {@link #emptyClass}). */
        public Builder exports(String pkg) {
            exports.add(Objects.requireNonNull(pkg, "pkg"));
            return this;
        }

        /** Adds the qualified {@code exports pkg to targets;}. */
        public Builder exportsTo(String pkg, String... targets) {
            if (targets.length == 0) {
                throw new IllegalArgumentException("a qualified export needs at least one target");
            }
            exports.add(Objects.requireNonNull(pkg, "pkg") + " to " + String.join(", ", targets));
            return this;
        }

        /** Adds {@code opens pkg;}. */
        public Builder opens(String pkg) {
            opens.add(Objects.requireNonNull(pkg, "pkg"));
            return this;
        }

        /** Adds {@code uses service;}. */
        public Builder uses(String service) {
            uses.add(Objects.requireNonNull(service, "service"));
            return this;
        }

        /**
         * Adds {@code provides service with implementation;}; called again for the same service, adds
         * another implementation. In an automatic jar this becomes {@code META-INF/services/service}.
         */
        public Builder provides(String service, String implementation) {
            provides.computeIfAbsent(Objects.requireNonNull(service, "service"), key -> new ArrayList<>())
                    .add(Objects.requireNonNull(implementation, "implementation"));
            return this;
        }

        /**
         * Adds a class by its binary name (a top-level class, for example {@code p.alpha.AlphaSource})
         * with its full source text, including the {@code package} line.
         */
        public Builder source(String binaryName, String text) {
            sources.put(Objects.requireNonNull(binaryName, "binaryName"), Objects.requireNonNull(text, "text"));
            return this;
        }

        /**
         * Adds {@code package a.b; public final class C {}} for {@code a.b.C}: the quickest way to give
         * the module a package, for example for split-package tests.
         */
        public Builder emptyClass(String binaryName) {
            int dot = binaryName.lastIndexOf('.');
            if (dot < 0) {
                throw new IllegalArgumentException("Class " + binaryName + " needs a package");
            }
            return source(binaryName, "package " + binaryName.substring(0, dot) + ";\n\npublic final class "
                    + binaryName.substring(dot + 1) + " {\n}\n");
        }

        /**
         * Adds every {@code .java} file below {@code directory}, read as UTF-8, as a class whose binary
         * name is its path relative to {@code directory} ({@code p/alpha/AlphaSource.java} is
         * {@code p.alpha.AlphaSource}). The module itself is declared with this builder's methods, so
         * the tree must not hold a {@code module-info.java}.
         *
         * @throws UncheckedIOException if the tree cannot be read
         * @throws IllegalArgumentException if the tree holds a {@code module-info.java}
         */
        public Builder sources(Path directory) {
            try (Stream<Path> tree = Files.walk(directory)) {
                for (Path file : tree.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
                    String relative = directory.relativize(file).toString();
                    if (file.getFileName().toString().equals("module-info.java")) {
                        throw new IllegalArgumentException(file + ": declare module " + moduleName
                                + " with builder methods (requires, exports, provides), not module-info.java");
                    }
                    String binaryName = relative.substring(0, relative.length() - ".java".length())
                            .replace(file.getFileSystem().getSeparator(), ".");
                    source(binaryName, Files.readString(file, StandardCharsets.UTF_8));
                }
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read sources of " + moduleName + " in " + directory, e);
            }
        }

        /** Adds a file to the jar at {@code path} ({@code /}-separated, relative). */
        public Builder resource(String path, byte[] content) {
            if (path.startsWith("/") || List.of(path.split("/")).contains("..")) {
                throw new IllegalArgumentException("Resource path must be relative and inside the jar: " + path);
            }
            resources.put(path, content.clone());
            return this;
        }

        /** Adds a text file to the jar at {@code path}, encoded as UTF-8. */
        public Builder resource(String path, String text) {
            return resource(path, text.getBytes(StandardCharsets.UTF_8));
        }

        /** Appends jars, exploded modules or directories of modules to the compile-time module path. */
        public Builder modulePath(List<Path> jarsOrDirectories) {
            jarsOrDirectories.forEach(path -> modulePath.add(Objects.requireNonNull(path, "module path entry")));
            return this;
        }

        /** Appends jars, exploded modules or directories of modules to the compile-time module path. */
        public Builder modulePath(Path... jarsOrDirectories) {
            return modulePath(List.of(jarsOrDirectories));
        }

        /**
         * Gives the stub of {@code module} the version {@code version}, so that javac records it as the
         * {@code compiledVersion} of the {@code requires}. Has no effect when {@code module} is on the
         * module path: then the real module's version is recorded.
         *
         * @throws IllegalArgumentException if {@code version} is not a module version
         */
        public Builder compiledAgainst(String module, String version) {
            ModuleDescriptor.Version.parse(version);
            compiledAgainst.put(Objects.requireNonNull(module, "module"), version);
            return this;
        }

        /**
         * Makes a non-modular jar: no {@code module-info.class}, {@link #provides} written as
         * {@code META-INF/services} files, classes compiled in the unnamed module against the whole
         * module path. Its module name comes from the jar's file name, as for any automatic module,
         * unless {@link #automaticModuleName} is set. It must not declare requires, exports, opens or
         * uses.
         */
        public Builder automatic() {
            automatic = true;
            return this;
        }

        /** Makes an {@link #automatic()} jar whose manifest names its module {@code name}. */
        public Builder automaticModuleName(String name) {
            automaticModuleName = Optional.of(Objects.requireNonNull(name, "name"));
            return automatic();
        }

        /**
         * Puts a main attribute into the jar's manifest, such as {@code Plugin-Description} or
         * {@code Implementation-Vendor} (what layerhost reads as a plugin's metadata); called again for the
         * same name, replaces the value.
         *
         * @throws IllegalArgumentException if {@code name} is no manifest attribute name
         */
        public Builder manifestAttribute(String name, String value) {
            new Attributes.Name(Objects.requireNonNull(name, "name"));
            manifestAttributes.put(name, Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Creates the scratch directory (sources, classes, stubs) in {@code parent} instead of the
         * default temporary directory. It is deleted when {@link #build} returns or throws.
         */
        public Builder scratchDirectory(Path parent) {
            scratchParent = Optional.of(Objects.requireNonNull(parent, "parent"));
            return this;
        }

        /**
         * Compiles the sources, writes the jar, deletes the scratch directory. The jar is written under
         * a hidden temporary name next to {@code targetJar} and renamed over it, so a watcher never
         * sees a half-written jar. Missing parent directories are created.
         *
         * @return {@code targetJar}
         * @throws PluginBuildException if javac or jar fails; the message holds their output
         * @throws IllegalStateException if an automatic jar declares requires, exports, opens or uses
         * @throws UncheckedIOException if the files cannot be written
         */
        public Path build(Path targetJar) {
            Objects.requireNonNull(targetJar, "targetJar");
            if (automatic && !(requires.isEmpty() && exports.isEmpty() && opens.isEmpty() && uses.isEmpty())) {
                throw new IllegalStateException("Automatic jar " + moduleName + " has no module-info,"
                        + " so it cannot declare requires, exports, opens or uses");
            }
            var spec = new JarSpec(moduleName, version, requires, exports, opens, uses, provides, sources,
                    resources, modulePath, compiledAgainst, automatic, automaticModuleName, scratchParent,
                    manifestAttributes);
            return new JarBuild(spec).writeTo(targetJar);
        }

        private Builder require(String module, Set<Requires.Modifier> modifiers) {
            // Requiring one module twice merges the modifiers, as "requires static transitive" would.
            requires.computeIfAbsent(Objects.requireNonNull(module, "module"),
                    key -> EnumSet.noneOf(Requires.Modifier.class)).addAll(modifiers);
            return this;
        }
    }
}
