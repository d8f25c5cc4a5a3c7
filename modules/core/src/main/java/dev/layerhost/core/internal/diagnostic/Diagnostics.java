package dev.layerhost.core.internal.diagnostic;

import dev.layerhost.core.Diagnostic;
import dev.layerhost.core.DiagnosticCode;
import dev.layerhost.core.Severity;
import dev.layerhost.core.internal.model.MajorVersion;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The diagnostics of every check, one factory per kind of problem. Each derives the message and the hint
 * from the names it is given, and keeps those names in {@link Diagnostic#details()}, so the text never
 * says what the details do not.
 */
public final class Diagnostics {

    private Diagnostics() {
    }

    /**
     * {@code diagnostic} as one about {@code pluginId}, for a problem found before the entry's plugin was
     * known (an unreadable library of the plugin's folder); unchanged if it names a plugin already.
     */
    public static Diagnostic about(Diagnostic diagnostic, String pluginId) {
        if (diagnostic.plugin().isPresent()) {
            return diagnostic;
        }
        return new Diagnostic(diagnostic.code(), diagnostic.severity(), Optional.of(pluginId), diagnostic.source(),
                diagnostic.message(), diagnostic.hint(), withPlugin(Optional.of(pluginId), diagnostic.details()));
    }

    /**
     * {@code diagnostic} with {@code details.file} naming the jar it is about ({@code "alpha/lib-x.jar"}),
     * unless it names one already: in a folder entry, which jar holds the module that requires, reads
     * or was compiled against what is wrong.
     */
    public static Diagnostic inFile(Diagnostic diagnostic, String file) {
        if (diagnostic.details().containsKey("file")) {
            return diagnostic;
        }
        Map<String, Object> all = new LinkedHashMap<>(diagnostic.details());
        all.put("file", file);
        return new Diagnostic(diagnostic.code(), diagnostic.severity(), diagnostic.plugin(), diagnostic.source(),
                diagnostic.message(), diagnostic.hint(), all);
    }

    /** The end of {@link #invalidArchive}'s hint that speaks of a root's scans, which a what-if candidate has none of. */
    private static final String RETRIED = "; a jar that is still being copied is retried on the next scan";

    public static Diagnostic invalidArchive(String source, String file, String reason) {
        return error(DiagnosticCode.INVALID_ARCHIVE, Optional.empty(), source,
                "cannot read archive " + file + ": " + reason,
                "replace " + file + " with a complete jar built by the jar tool" + RETRIED,
                details("file", file, "reason", reason));
    }

    /**
     * {@code diagnostic} as one of a what-if candidate: an {@link #invalidArchive} hint tells to rebuild or
     * re-download the candidate, since a candidate is read once and never retried by a later scan; any other
     * diagnostic unchanged.
     */
    public static Diagnostic ofCandidate(Diagnostic diagnostic) {
        if (diagnostic.code() != DiagnosticCode.INVALID_ARCHIVE || !diagnostic.hint().endsWith(RETRIED)) {
            return diagnostic;
        }
        Object file = diagnostic.details().get("file");
        return new Diagnostic(diagnostic.code(), diagnostic.severity(), diagnostic.plugin(), diagnostic.source(),
                diagnostic.message(), "rebuild or re-download the candidate: " + file
                        + " must be a complete jar built by the jar tool", diagnostic.details());
    }

    /** An entry whose modules provide no service type at all: the module lacks its {@code provides} clause. */
    public static Diagnostic noProvider(String source, List<String> modules, List<String> apiModules) {
        return error(DiagnosticCode.NO_PROVIDER, Optional.empty(), source,
                "entry " + source + " has no module that provides a service type of the API layer (modules: "
                        + String.join(", ", modules) + ")",
                "add 'provides <service> with <class>' to the plugin's module-info, for a service type exported by "
                        + listOrNone(apiModules),
                details("modules", modules, "apiModules", apiModules));
    }

    /**
     * An entry whose modules provide only service types of the Java runtime ({@code java.sql.Driver}, say):
     * services the runtime uses, not plugins of this host, whose API layer holds none of them.
     *
     * @param providers       the entry's modules that have {@code provides} clauses, sorted
     * @param provided        the service types they provide, sorted
     * @param runtimeModules  the runtime's modules exporting those types, sorted
     */
    public static Diagnostic runtimeServicesOnly(String source, List<String> modules, List<String> apiModules,
                                                 List<String> providers, List<String> provided,
                                                 List<String> runtimeModules) {
        String message = String.join(", ", providers) + (providers.size() == 1 ? " provides " : " provide ")
                + String.join(", ", provided) + (provided.size() == 1 ? ", a service type" : ", service types")
                + " of the Java runtime (" + String.join(", ", runtimeModules) + "), not of the API layer"
                + " (API modules: " + listOrNone(apiModules) + ")";
        return error(DiagnosticCode.NO_PROVIDER, Optional.empty(), source, message,
                "add 'provides <service> with <class>' to the plugin's module-info, for a service type exported by "
                        + listOrNone(apiModules),
                details("modules", modules, "apiModules", apiModules, "services", provided,
                        "runtimeModules", runtimeModules));
    }

    /**
     * An entry whose modules do provide service types, but of packages no API module exports: most often
     * plugins written against a host's own API, run without that API ({@code --api} forgotten). Where the
     * entry holds such a package itself, that copy cannot stand in for the API: every plugin must share the
     * host's.
     *
     * @param providers  the entry's modules that have {@code provides} clauses, sorted
     * @param provided   the service types they provide, sorted
     * @param packages   the packages of those types, sorted: exported by no API module
     * @param ownCopies  the entry's jars that hold one of {@code packages} themselves, sorted; often empty
     */
    public static Diagnostic noApiPackage(String source, List<String> modules, List<String> apiModules,
                                          List<String> providers, List<String> provided, List<String> packages,
                                          List<String> ownCopies) {
        String packageList = String.join(", ", packages);
        String packageWords = (packages.size() == 1 ? "package " : "packages ") + packageList;
        String message = String.join(", ", providers) + (providers.size() == 1 ? " provides " : " provide ")
                + String.join(", ", provided) + ", but " + packageWords + (packages.size() == 1 ? " is" : " are")
                + " exported by no API module (API modules: " + listOrNone(apiModules) + ")";
        // The hint names both ways of adding to the API layer: the command's option and the embedding API's.
        String hint = "add the jar or folder holding the module that exports " + packageList
                + " to the API layer (layerhost --api PATH; embedding: PluginHost.Builder.apiModule or apiPath)";
        Map<String, Object> details = details("modules", modules, "apiModules", apiModules, "services", provided,
                "packages", packages);
        if (!ownCopies.isEmpty()) {
            message += "; the entry's own copy in " + String.join(", ", ownCopies) + " does not count";
            hint += ", and remove the copy from " + String.join(", ", ownCopies)
                    + ": a plugin's own copy of an API package is never the host's API, which every plugin shares";
            details.put("files", List.copyOf(ownCopies));
        }
        return error(DiagnosticCode.NO_PROVIDER, Optional.empty(), source, message, hint, details);
    }

    public static Diagnostic shadowedApi(String source, String plugin, String service, String module) {
        return error(DiagnosticCode.NO_PROVIDER, Optional.of(plugin), source,
                "plugin " + plugin + " provides " + service + " as defined by module " + module
                        + " of entry " + source + ", not the API layer's " + service,
                "remove package " + service.substring(0, Math.max(0, service.lastIndexOf('.')))
                        + " from " + module + " so that the plugin reads the host's API module",
                details("modules", List.of(plugin, module), "module", module, "service", service));
    }

    public static Diagnostic duplicatePlugin(String source, String plugin, List<String> sources) {
        return error(DiagnosticCode.DUPLICATE_PLUGIN, Optional.of(plugin), source,
                "plugin " + plugin + " is in more than one entry: " + String.join(", ", sources),
                "keep one of " + String.join(", ", sources) + " in the plugin root and remove the others",
                details("sources", sources, "module", plugin));
    }

    public static Diagnostic duplicateModule(String source, Optional<String> plugin, String module,
                                             List<String> files, List<String> versions) {
        return error(DiagnosticCode.DUPLICATE_MODULE, plugin, source,
                "module " + module + " is in more than one jar of entry " + source + ": " + String.join(", ", files)
                        + " (versions " + String.join(", ", versions) + ")",
                "keep one jar of module " + module + " in " + source,
                details("module", module, "files", files, "versions", versions));
    }

    /**
     * An entry bundling a module that only the Java runtime may define ({@code java.base}): the JDK refuses
     * any layer of ours that holds it, so the entry's jar is no archive a plugin may ship.
     */
    public static Diagnostic runtimeOnlyModule(String source, Optional<String> plugin, String module, String file) {
        return error(DiagnosticCode.INVALID_ARCHIVE, plugin, source,
                "module " + module + " in " + file + " is the Java runtime's own: only the runtime may define it,"
                        + " the JDK refuses it in a plugin's layer",
                "remove " + file + " from entry " + source + "; every plugin reads " + module + " from the runtime",
                details("module", module, "file", file));
    }

    /**
     * @param privateTo the other entry whose folder holds {@code module}, if one does
     * @param singleJar whether {@code source} is a jar on its own, which cannot hold another jar: the hint
     *                  then says to make it a folder
     */
    public static Diagnostic missingDependency(String source, String plugin, String requiredBy, String module,
                                               Optional<String> privateTo, boolean singleJar) {
        String elsewhere = "the API layer (--api, or apiPath when embedding), or to the runtime image";
        if (isJdkModuleName(module)) {
            // a module of the JDK comes with a Java runtime, never as a jar of a plugin
            return error(DiagnosticCode.MISSING_DEPENDENCY, Optional.of(plugin), source,
                    "module " + module + " not found, required by " + requiredBy,
                    module + " is a module of the JDK that this Java runtime does not contain: run the host on a"
                            + " runtime that has it (a host's own jlink image: add it with --add-modules)",
                    details("module", module, "requiredBy", requiredBy));
        }
        String hint = privateTo
                .map(owner -> "module " + module + " is private to plugin entry " + owner + "; "
                        + (singleJar
                                ? "make " + source + " a folder " + folderFor(source) + "/ holding " + source
                                        + " and a jar of module " + module + ","
                                : "bundle it in " + source)
                        + " or require a plugin that makes it visible")
                .orElseGet(() -> singleJar
                        ? "make " + source + " a folder " + folderFor(source) + "/ holding " + source
                                + " and a jar of module " + module + ", or add " + module + " to " + elsewhere
                        : "add a jar of module " + module + " to entry " + source + ", or to " + elsewhere);
        return error(DiagnosticCode.MISSING_DEPENDENCY, Optional.of(plugin), source,
                "module " + module + " not found, required by " + requiredBy, hint,
                details("module", module, "requiredBy", requiredBy));
    }

    /** Names only the JDK's own modules have ({@code java.*} is reserved to it, {@code jdk.*} by convention). */
    private static boolean isJdkModuleName(String module) {
        return module.startsWith("java.") || module.startsWith("jdk.");
    }

    /** The folder a single-jar entry would become: its name without {@code .jar}. */
    private static String folderFor(String jarEntry) {
        boolean jarSuffix = jarEntry.length() > 4 && jarEntry.regionMatches(true, jarEntry.length() - 4, ".jar", 0, 4);
        return jarSuffix ? jarEntry.substring(0, jarEntry.length() - 4) : jarEntry + ".d";
    }

    public static Diagnostic unreadPackage(String source, String plugin, String module, String clause,
                                           String type, String packageName) {
        return error(DiagnosticCode.MISSING_DEPENDENCY, Optional.of(plugin), source,
                "module " + module + " " + clause + " " + type + " but reads no module that exports " + packageName,
                "add 'requires' of the module that exports " + packageName + " to " + module,
                details("module", module, "package", packageName, "type", type));
    }

    /**
     * {@code module} {@code clause}s {@code type}, but the only module exporting its package to it is
     * {@code exporter} of a parent layer, by a qualified export, which does not reach a child layer.
     */
    public static Diagnostic exportNotAcrossLayers(String source, String plugin, String module, String clause,
                                                   String type, String packageName, String exporter) {
        return error(DiagnosticCode.MISSING_DEPENDENCY, Optional.of(plugin), source,
                "module " + module + " " + clause + " " + type + ", but " + exporter + " exports " + packageName
                        + " to it only by a qualified export, which does not reach a module of a child layer",
                "export " + packageName + " from " + exporter + " to everyone, or bundle what " + module
                        + " needs in " + source,
                details("module", module, "package", packageName, "type", type, "exporter", exporter,
                        "reason", "qualified export across layers"));
    }

    /** A qualified export of a parent layer's module to a module of a plugin's layer, which has no effect. */
    public static Diagnostic ineffectiveExport(String source, String plugin, String module, String packageName,
                                               String exporter) {
        Map<String, Object> all = new LinkedHashMap<>(details("module", module, "package", packageName,
                "exporter", exporter));
        all.put("plugin", plugin);
        return new Diagnostic(DiagnosticCode.INEFFECTIVE_EXPORT, Severity.WARNING, Optional.of(plugin), source,
                exporter + " exports " + packageName + " to " + module + " by a qualified export, which the JDK"
                        + " does not carry into a child layer: " + module + " cannot use " + packageName,
                "export " + packageName + " from " + exporter + " to everyone (qualified exports only reach"
                        + " modules of the same layer or of its parents)",
                all);
    }

    /**
     * Named with where each module is, as {@code details.files} has it, so the text needs no JSON.
     *
     * @param modules the two modules, sorted by name
     * @param files   where each of them is, in the same order: its jar in the plugin root ({@code
     *                "alpha/lib-x.jar"}), or {@code "api"} or {@code "runtime"}
     */
    public static Diagnostic splitPackage(String source, String plugin, String packageName, List<String> modules,
                                          List<String> files) {
        return error(DiagnosticCode.SPLIT_PACKAGE, Optional.of(plugin), source,
                "package " + packageName + " is in both " + modules.get(0) + " (" + whereIs(files.get(0)) + ") and "
                        + modules.get(1) + " (" + whereIs(files.get(1)) + ")",
                "move package " + packageName + " into one module, or rename it in one of "
                        + String.join(", ", modules),
                details("package", packageName, "modules", modules, "files", files));
    }

    /**
     * @param origins where each version comes from: a plugin's id, {@code "api"} or {@code "runtime"}
     * @param files   each version's jar in the plugin root, or its origin when it is in none
     */
    public static Diagnostic twoVersionsRead(String source, String plugin, String reader, String module,
                                             List<String> versions, List<String> origins, List<String> files) {
        return error(DiagnosticCode.VERSION_CONFLICT, Optional.of(plugin), source,
                "module " + reader + " would read two versions of module " + module + ": "
                        + versions.get(0) + " (from " + origins.get(0) + ") and "
                        + versions.get(1) + " (from " + origins.get(1) + ")",
                "remove one copy of " + module + " so that " + reader + " reads a single version"
                        + " (a parent plugin's 'requires transitive' also makes its copy readable)",
                details("module", module, "reader", reader, "versions", versions, "origins", origins,
                        "files", files));
    }

    /**
     * @param origin where the resolved module comes from: the plugin's own id (its entry), a parent
     *               plugin's id, or {@code "api"}
     */
    public static Diagnostic compiledMajorMismatch(String source, String plugin, String requiredBy, String module,
                                                   String compiledVersion, String resolvedVersion, String origin) {
        String compiledMajor = MajorVersion.of(compiledVersion) + ".x";
        String hint;
        if (origin.equals(plugin)) {
            hint = "bundle " + module + " " + compiledMajor + " with " + source + ", or rebuild " + requiredBy
                    + " against " + resolvedVersion;
        } else if (origin.equals("api")) {
            hint = "rebuild " + requiredBy + " against " + module + " " + resolvedVersion
                    + " of the API layer, or run the host with an API " + module + " " + compiledMajor;
        } else if (origin.equals(module)) {
            // the required module is another plugin itself: its new major is what breaks the dependent
            hint = "plugin " + module + " is now " + resolvedVersion + ": rebuild " + requiredBy + " against it, or keep "
                    + module + " at " + compiledMajor;
        } else {
            hint = module + " comes from plugin " + origin + ": rebuild " + requiredBy + " against "
                    + resolvedVersion + ", or install a version of " + origin + " whose " + module + " is "
                    + compiledMajor;
        }
        return error(DiagnosticCode.VERSION_CONFLICT, Optional.of(plugin), source,
                "module " + requiredBy + " was compiled against " + module + " " + compiledVersion
                        + " but resolves " + module + " " + resolvedVersion + " (major versions differ)",
                hint,
                details("module", module, "requiredBy", requiredBy,
                        "versions", List.of(compiledVersion, resolvedVersion),
                        "compiledVersion", compiledVersion, "resolvedVersion", resolvedVersion, "origin", origin));
    }

    public static Diagnostic dependencyCycle(String source, String plugin, List<String> cycle) {
        String path = String.join(" -> ", cycle) + " -> " + cycle.get(0);
        return error(DiagnosticCode.DEPENDENCY_CYCLE, Optional.of(plugin), source,
                "dependency cycle: " + path,
                "break the cycle by moving what " + String.join(", ", cycle)
                        + " share into a module that none of them requires back",
                details("cycle", cycle, "modules", cycle.stream().sorted().toList()));
    }

    public static Diagnostic dependencyRejected(String source, String plugin, String rejected) {
        return error(DiagnosticCode.DEPENDENCY_REJECTED, Optional.of(plugin), source,
                "plugin " + plugin + " requires plugin " + rejected + ", which was rejected",
                "fix the diagnostics of " + rejected + " first",
                details("module", rejected, "requiredBy", plugin));
    }

    /** A plugin that requires a plugin the user disabled ({@code disabled.txt}, or the host's own list). */
    public static Diagnostic dependencyDisabled(String source, String plugin, String disabled) {
        return error(DiagnosticCode.DEPENDENCY_REJECTED, Optional.of(plugin), source,
                "plugin " + plugin + " requires plugin " + disabled + ", which is disabled",
                "enable " + disabled + " (remove it from disabled.txt in the plugin root, from the command's --disable"
                        + " options, or from the host's disabledPlugins), or disable " + plugin + " as well",
                details("module", disabled, "requiredBy", plugin, "reason", "disabled"));
    }

    /** A sound plugin whose parent plugin passed the check but could not be loaded (its code threw). */
    public static Diagnostic dependencyNotLoaded(String source, String plugin, String parent) {
        return error(DiagnosticCode.DEPENDENCY_REJECTED, Optional.of(plugin), source,
                "plugin " + plugin + " requires plugin " + parent + ", which failed to load",
                "fix the load failure of " + parent + " first",
                details("module", parent, "requiredBy", plugin, "reason", "not loaded"));
    }

    public static Diagnostic forbiddenModule(String source, String plugin, String requiredBy, String module) {
        return error(DiagnosticCode.FORBIDDEN_MODULE, Optional.of(plugin), source,
                requiredBy.equals(module)
                        ? "entry " + source + " holds module " + module + ", which the host's policy denies"
                        : "module " + requiredBy + " requires module " + module + ", which the host's policy denies",
                "remove the dependency on " + module + ", or ask the host's operator to allow it",
                details("module", module, "requiredBy", requiredBy));
    }

    /**
     * A module of plugin {@code plugin}'s layer (the plugin's own, or a library of its entry) provides
     * service types the host's allow-list does not name.
     *
     * @param services the service types not allowed, sorted
     * @param allowed  the allow-list, sorted
     */
    public static Diagnostic forbiddenService(String source, String plugin, String module, List<String> services,
                                              List<String> allowed) {
        String provided = String.join(", ", services);
        String holder = module.equals(plugin) ? "plugin " + plugin : "module " + module + " of plugin " + plugin;
        return error(DiagnosticCode.FORBIDDEN_SERVICE, Optional.of(plugin), source,
                holder + " provides " + provided + ", which the host's policy does not allow (allowed: "
                        + String.join(", ", allowed) + ")",
                "remove 'provides " + provided + "' from " + module + ", or ask the host's operator to allow "
                        + (services.size() == 1 ? "it" : "them") + " (--allow-service)",
                details("module", module, "services", services, "allowed", allowed));
    }

    public static Diagnostic unsigned(String source, Optional<String> plugin, String file, Severity severity) {
        return new Diagnostic(DiagnosticCode.UNSIGNED, severity, plugin, source,
                file + " is not signed",
                "sign " + file + " with jarsigner, with a key whose certificate is in the host's trust store",
                withPlugin(plugin, details("file", file)));
    }

    public static Diagnostic untrustedSigner(String source, Optional<String> plugin, String file,
                                             List<String> signers, Severity severity) {
        return new Diagnostic(DiagnosticCode.UNTRUSTED_SIGNER, severity, plugin, source,
                file + " is signed by " + String.join("; ", signers) + ", which no certificate of the trust store vouches for",
                "add the signer's certificate (or its issuer's) to the trust store (--trust-store), or sign "
                        + file + " with a trusted key",
                withPlugin(plugin, details("file", file, "signers", signers)));
    }

    public static Diagnostic signatureInvalid(String source, Optional<String> plugin, String file, String reason) {
        return new Diagnostic(DiagnosticCode.SIGNATURE_INVALID, Severity.ERROR, plugin, source,
                "signature of " + file + " does not verify: " + reason,
                "the jar was changed after it was signed: rebuild and sign " + file + " again",
                withPlugin(plugin, details("file", file, "reason", reason)));
    }

    public static Diagnostic automaticModule(String source, Optional<String> plugin, String module, String file) {
        return new Diagnostic(DiagnosticCode.AUTOMATIC_MODULE, Severity.WARNING, plugin, source,
                file + " has no module-info; it is loaded as automatic module " + module,
                "add a module-info.java to " + module + " (or a module-info with Moditect) so that its dependencies are checked",
                details("module", module, "file", file));
    }

    public static Diagnostic providerFailed(String source, String plugin, String service, String provider,
                                            String cause) {
        return error(DiagnosticCode.PROVIDER_FAILED, Optional.of(plugin), source,
                "provider " + provider + " of " + service + " in plugin " + plugin + " failed: " + cause,
                "fix the constructor or static initializer of " + provider + "; the plugin's other services were not loaded",
                details("service", service, "provider", provider, "cause", cause));
    }

    /** A provider's {@code close()} threw when its plugin stopped serving; its layer is dropped all the same. */
    public static Diagnostic closeFailed(String source, String plugin, String provider, String cause) {
        Map<String, Object> all = details("provider", provider, "cause", cause);
        all.put("plugin", plugin);
        return new Diagnostic(DiagnosticCode.CLOSE_FAILED, Severity.WARNING, Optional.of(plugin), source,
                "provider " + provider + " of plugin " + plugin + " failed to close: " + cause,
                "make close() of " + provider + " stop what the provider started (threads, files) without throwing",
                all);
    }

    private static Diagnostic error(DiagnosticCode code, Optional<String> plugin, String source, String message,
                                    String hint, Map<String, Object> details) {
        Map<String, Object> all = new LinkedHashMap<>(details);
        plugin.ifPresent(id -> all.putIfAbsent("plugin", id));
        return new Diagnostic(code, Severity.ERROR, plugin, source, message, hint, all);
    }

    /** A module's location as a message says it: its jar, or the layer it comes from. */
    private static String whereIs(String location) {
        return switch (location) {
            case "api" -> "API layer";
            case "runtime" -> "runtime image";
            default -> location;
        };
    }

    private static String listOrNone(List<String> names) {
        return names.isEmpty() ? "(none)" : String.join(", ", names);
    }

    private static Map<String, Object> withPlugin(Optional<String> plugin, Map<String, Object> details) {
        Map<String, Object> all = new LinkedHashMap<>(details);
        plugin.ifPresent(id -> all.putIfAbsent("plugin", id));
        return all;
    }

    private static Map<String, Object> details(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            map.put((String) keysAndValues[i], value instanceof List<?> list ? List.copyOf(list) : value);
        }
        return map;
    }
}
