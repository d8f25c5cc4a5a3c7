package dev.layerhost.core.internal.check;

import dev.layerhost.core.Diagnostic;
import dev.layerhost.core.DiagnosticCode;
import dev.layerhost.core.Policy;
import dev.layerhost.core.internal.api.ApiLayer;
import dev.layerhost.core.internal.check.JdkOracle.Defined;
import dev.layerhost.core.internal.check.JdkOracle.Outcome;
import dev.layerhost.core.internal.check.JdkOracle.Refused;
import dev.layerhost.core.internal.check.RootShape.EntryShape;
import dev.layerhost.core.internal.model.MajorVersion;

import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolvedModule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import net.jqwik.api.statistics.Statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * layerhost's verdicts and the JDK's outcomes on one {@link RootShape}, and the rules that relate them:
 * every plugin the JDK refuses, layerhost rejects with the code the JDK's reason maps to; every plugin
 * layerhost calls sound, the JDK resolves and defines; where layerhost rejects a plugin the JDK accepts,
 * each error is one of the host's deliberately stricter rules, and true.
 */
final class VerdictComparison {

    /** The in-memory API layer, defined once: it holds only {@code acme.api} 1.0, exporting {@code acme.api}. */
    private static final ModuleLayer API_LAYER = defineApiLayer();

    static final ApiLayer API = ApiLayer.of(API_LAYER, Set.of(RootShape.API_MODULE));

    private static ModuleLayer defineApiLayer() {
        ModuleDescriptor descriptor = ModuleDescriptor.newModule(RootShape.API_MODULE).version("1.0")
                .exports(RootShape.API_MODULE).build();
        ModuleReference reference = RootShape.reference(descriptor);
        ModuleFinder finder = new ModuleFinder() {
            @Override
            public Optional<ModuleReference> find(String name) {
                return name.equals(RootShape.API_MODULE) ? Optional.of(reference) : Optional.empty();
            }

            @Override
            public Set<ModuleReference> findAll() {
                return Set.of(reference);
            }
        };
        Configuration configuration = ModuleLayer.boot().configuration()
                .resolve(finder, ModuleFinder.of(), Set.of(RootShape.API_MODULE));
        return ModuleLayer.boot().defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());
    }

    static List<String> cycleOf(Diagnostic diagnostic) {
        Object cycle = diagnostic.details().get("cycle");
        return cycle instanceof Collection<?> ids ? ids.stream().map(String::valueOf).toList() : List.of();
    }

    private final RootShape root;
    private final Verdicts result;
    private final JdkOracle oracle;
    private final Map<String, Outcome> jdk;
    private final Map<String, Verdict> verdicts = new LinkedHashMap<>();

    private VerdictComparison(RootShape root, Verdicts result, JdkOracle oracle, Map<String, Outcome> jdk) {
        this.root = root;
        this.result = result;
        this.oracle = oracle;
        this.jdk = jdk;
        result.verdicts().forEach(verdict -> verdicts.put(verdict.source(), verdict));
    }

    static VerdictComparison of(RootShape root) {
        Map<EntryShape, List<ModuleReference>> references = root.references();
        Verdicts result = new PluginChecker(API, Policy.denying(root.deniedModules()))
                .check(root.candidates(references));
        // whether the host loads a plugin (and so offers it to the plugins that only require it static)
        Map<String, Boolean> soundIds = new java.util.HashMap<>();
        result.verdicts().forEach(verdict -> verdict.pluginId().ifPresent(id ->
                soundIds.merge(id, verdict.sound(), Boolean::logicalAnd)));
        JdkOracle oracle = new JdkOracle(root, references, API_LAYER, id -> soundIds.getOrDefault(id, false));
        return new VerdictComparison(root, result, oracle, oracle.judge());
    }

    Verdict verdict(String source) {
        return verdicts.get(source);
    }

    Outcome jdk(String source) {
        return jdk.get(source);
    }

    boolean hasDiagnostic(String source, DiagnosticCode code, Predicate<Diagnostic> test) {
        return errors(verdict(source)).stream().anyMatch(d -> d.code() == code && test.test(d));
    }

    void assertAgreement() {
        List<String> disagreements = new ArrayList<>();
        assertEquals(root.entries().size(), result.verdicts().size(), "one verdict per entry");
        for (EntryShape entry : root.entries()) {
            Verdict verdict = verdict(entry.source());
            if (verdict == null) {
                disagreements.add(entry.source() + ": no verdict");
                continue;
            }
            disagreements.addAll(compare(entry, verdict).stream()
                    .map(problem -> entry.source() + ": " + problem).toList());
        }
        if (!disagreements.isEmpty()) {
            fail("layerhost disagrees with the JDK:\n  " + String.join("\n  ", disagreements) + "\n" + describe());
        }
    }

    private List<String> compare(EntryShape entry, Verdict verdict) {
        List<String> problems = new ArrayList<>();
        List<Diagnostic> errors = errors(verdict);
        if (!entry.hasPlugin()) {
            if (verdict.sound() || errors.stream().noneMatch(d -> d.code() == DiagnosticCode.NO_PROVIDER)) {
                problems.add("no module provides the service, but no NO_PROVIDER");
            }
            return problems;
        }
        if (!verdict.pluginId().equals(Optional.of(entry.plugin().name()))) {
            problems.add("plugin id " + verdict.pluginId() + ", expected " + entry.plugin().name());
            return problems;
        }
        if (!verdict.parents().equals(oracle.parents(entry))) {
            problems.add("parents " + verdict.parents() + ", expected " + oracle.parents(entry));
        }
        Outcome outcome = jdk.get(entry.source());
        if (verdict.sound()) {
            if (!(outcome instanceof Defined)) {
                problems.add("layerhost: sound; the JDK: " + outcome);
            }
            return problems;
        }
        if (outcome instanceof Refused refused) {
            if (blockedByStricterParent(entry, errors)) {
                return problems;
            }
            Expectation expectation = Expectation.of(refused, entry.plugin().name());
            if (expectation == null) {
                problems.add("no code is known for the JDK's refusal: " + refused);
            } else if (errors.stream().noneMatch(expectation.test())) {
                problems.add("the JDK refused (" + refused + "); expected " + expectation.description()
                        + " among " + codes(errors));
            }
            return problems;
        }
        for (Diagnostic error : errors) {
            if (stricterRule(entry, error).isEmpty()) {
                problems.add("the JDK defined the layer, but layerhost reports " + error.code() + ": "
                        + error.message() + " " + error.details());
            }
        }
        return problems;
    }

    /**
     * The host's deliberately stricter rule an error on a plugin the JDK accepts stands for, if it is
     * one, and true. Not among them: {@code MISSING_DEPENDENCY} for a module only another plugin's folder
     * holds. The JDK's finder for a plugin is its own folder, so such a module is visible to it only
     * through a parent plugin's configuration, which layerhost searches as well: whenever the JDK finds
     * the module, layerhost must too.
     */
    private Optional<String> stricterRule(EntryShape entry, Diagnostic error) {
        Map<String, Object> details = error.details();
        String rule = switch (error.code()) {
            case NO_PROVIDER -> "NO_PROVIDER (own copy of acme.api)";
            case VERSION_CONFLICT -> "VERSION_CONFLICT (compiled major)";
            case DEPENDENCY_REJECTED -> "DEPENDENCY_REJECTED (parent rejected by a stricter rule)";
            case DEPENDENCY_CYCLE -> "DEPENDENCY_CYCLE (through a duplicated id)";
            case MISSING_DEPENDENCY -> "MISSING_DEPENDENCY (qualified export across layers)";
            default -> error.code().name();
        };
        boolean holds = switch (error.code()) {
            case DUPLICATE_PLUGIN -> root.duplicatedIds().contains(entry.plugin().name());
            case DUPLICATE_MODULE -> entry.modules().stream()
                    .filter(m -> m.name().equals(details.get("module"))).count() > 1;
            // layerhost's "shadowed API": the plugin provides the service of its own copy of acme.api
            case NO_PROVIDER -> entry.holds(RootShape.API_MODULE);
            case VERSION_CONFLICT -> details.containsKey("compiledVersion") ? !MajorVersion.of((String) details.get("compiledVersion"))
                    .equals(MajorVersion.of((String) details.get("resolvedVersion")))
                    && entry.modules().stream().filter(m -> m.name().equals(details.get("requiredBy")))
                    .flatMap(m -> m.requires().stream())
                    .anyMatch(r -> r.module().equals(details.get("module"))
                            && r.compiledVersion().equals(Optional.of(details.get("compiledVersion"))))
                    // the layer holds a module of a name that one of its modules reads from a parent layer
                    : jdk.get(entry.source()) instanceof Defined defined
                    && shadowsImport(defined.configuration(), read -> read.name().equals(details.get("module")),
                    local -> local.name().equals(details.get("module")));
            case FORBIDDEN_MODULE -> root.deniedModules().contains(details.get("module"));
            case DEPENDENCY_REJECTED -> oracle.requiredParents(entry).contains(details.get("module"))
                    && root.firstEntryOf((String) details.get("module"))
                    .map(parent -> !verdict(parent.source()).sound()).orElse(false);
            // the JDK's oracle takes the first entry of a duplicated id; layerhost joins the edges of all
            case DEPENDENCY_CYCLE -> cycleThroughDuplicate(entry, error);
            // the JDK resolves with a parent layer's qualified export, which then does not reach the module
            case MISSING_DEPENDENCY -> "qualified export across layers".equals(details.get("reason"))
                    && jdk.get(entry.source()) instanceof Defined defined
                    && onlyQualifiedFromParent(defined.configuration(), (String) details.get("module"),
                    (String) details.get("exporter"), (String) details.get("package"));
            // the JDK defines a layer whose one loader holds a package that a module of it reads from a
            // parent layer; the local copy would hide the imported one
            case SPLIT_PACKAGE -> jdk.get(entry.source()) instanceof Defined defined
                    && shadowsImport(defined.configuration(), (ResolvedModule read) ->
                    exportsToAll(read.reference().descriptor(), (String) details.get("package")),
                    local -> local.reference().descriptor().packages().contains((String) details.get("package")));
            default -> false;
        };
        return holds ? Optional.of(rule) : Optional.empty();
    }

    /**
     * Whether, in the JDK's own readability graph, a module of {@code configuration} reads a module of a
     * parent configuration that {@code imported} matches, while a module of {@code configuration} itself
     * matches {@code local}.
     */
    private static boolean shadowsImport(Configuration configuration, Predicate<ResolvedModule> imported,
                                         Predicate<ResolvedModule> local) {
        boolean importing = configuration.modules().stream().flatMap(module -> module.reads().stream())
                .anyMatch(read -> read.configuration() != configuration && imported.test(read));
        return importing && configuration.modules().stream().anyMatch(local);
    }

    /**
     * Whether, in the JDK's own graph, {@code module} reads {@code exporter} from a parent configuration,
     * and {@code exporter} exports {@code packageName} to it only by a qualified export.
     */
    private static boolean onlyQualifiedFromParent(Configuration configuration, String module, String exporter,
                                                   String packageName) {
        return configuration.findModule(module).filter(m -> m.configuration() == configuration).stream()
                .flatMap(m -> m.reads().stream())
                .filter(read -> read.configuration() != configuration && read.name().equals(exporter))
                .map(read -> read.reference().descriptor())
                .anyMatch(descriptor -> !exportsToAll(descriptor, packageName)
                        && descriptor.exports().stream().anyMatch(e -> e.source().equals(packageName)
                        && e.isQualified() && e.targets().contains(module)));
    }

    private static boolean exportsToAll(ModuleDescriptor descriptor, String packageName) {
        return descriptor.isAutomatic() ? descriptor.packages().contains(packageName)
                : descriptor.exports().stream().anyMatch(e -> !e.isQualified() && e.source().equals(packageName));
    }

    /** A cycle through the entry's plugin and a duplicated id (whose edges layerhost joins, the oracle not). */
    private boolean cycleThroughDuplicate(EntryShape entry, Diagnostic error) {
        List<String> cycle = cycleOf(error);
        return cycle.contains(entry.plugin().name()) && cycle.stream().anyMatch(root.duplicatedIds()::contains);
    }

    /**
     * Whether layerhost did not resolve the plugin because it rejected a parent the JDK accepted (by a
     * stricter rule): then it cannot know the JDK's reason, only that the plugin is rejected.
     */
    private boolean blockedByStricterParent(EntryShape entry, List<Diagnostic> errors) {
        for (Diagnostic error : errors) {
            if (error.code() == DiagnosticCode.DEPENDENCY_REJECTED) {
                Optional<EntryShape> parent = root.firstEntryOf((String) error.details().get("module"));
                if (parent.isPresent() && jdk.get(parent.get().source()) instanceof Defined) {
                    return true;
                }
            }
            if (error.code() == DiagnosticCode.DEPENDENCY_CYCLE && cycleThroughDuplicate(entry, error)
                    && !(jdk.get(entry.source()) instanceof Refused refused && refused.cycle())) {
                return true;
            }
        }
        return false;
    }

    void collectStatistics() {
        int sound = 0;
        int plugins = 0;
        for (EntryShape entry : root.entries()) {
            Verdict verdict = verdict(entry.source());
            Set<DiagnosticCode> codes = new TreeSet<>();
            errors(verdict).forEach(d -> codes.add(d.code()));
            codes.forEach(code -> Statistics.label("layerhost error codes").collect(code));
            if (!entry.hasPlugin()) {
                continue;
            }
            plugins++;
            if (verdict.sound()) {
                sound++;
            }
            Outcome outcome = jdk.get(entry.source());
            String jdkSays = outcome instanceof Refused refused
                    ? Optional.ofNullable(Expectation.of(refused, entry.plugin().name()))
                    .map(Expectation::code).orElse("?")
                    : "defined";
            Statistics.label("JDK per plugin").collect(jdkSays);
            Statistics.label("agreement per plugin").collect(verdict.sound() ? "both accept"
                    : outcome instanceof Defined ? "layerhost stricter" : "both reject");
            if (!verdict.sound() && outcome instanceof Defined) {
                errors(verdict).stream().map(error -> stricterRule(entry, error).orElse("?")).distinct()
                        .forEach(rule -> Statistics.label("stricter rule (JDK defined)").collect(rule));
            }
        }
        Statistics.label("sound plugins per root").collect(sound == 0 ? "none" : sound == plugins ? "all" : "some");
        boolean pluginOnPlugin = root.entries().stream().anyMatch(e -> !oracle.parents(e).isEmpty());
        Statistics.label("plugin-on-plugin edges").collect(pluginOnPlugin ? "yes" : "no");
        for (EntryShape entry : root.entries()) {
            List<String> kept = oracle.optionalParents(entry);
            List<String> present = oracle.presentOptionals(entry);
            for (RootShape.ModuleShape module : entry.modules()) {
                for (RootShape.RequiresShape requires : module.requires()) {
                    if (!requires.isStatic() || !root.pluginIds().contains(requires.module())
                            || requires.module().equals(entry.plugin().name()) || !entry.hasPlugin()) {
                        continue;
                    }
                    String edge = present.contains(requires.module()) ? "a parent"
                            : kept.contains(requires.module()) ? "done without (rejected)"
                            : oracle.requiredParents(entry).contains(requires.module()) ? "required as well"
                            : oracle.optionalOnCycle(entry, requires.module()) ? "ignored (cycle)"
                            : "not in the layer";
                    Statistics.label("requires static of a plugin").collect(edge);
                }
            }
        }
    }

    String describe() {
        StringBuilder text = new StringBuilder(root.toString());
        text.append("layerhost:\n");
        for (Verdict verdict : result.verdicts()) {
            text.append("  ").append(verdict.source()).append(verdict.sound() ? " sound" : " rejected")
                    .append(" parents ").append(verdict.parents()).append('\n');
            for (Diagnostic diagnostic : verdict.diagnostics()) {
                text.append("    ").append(diagnostic.code()).append(": ").append(diagnostic.message())
                        .append('\n');
            }
        }
        text.append("JDK:\n");
        jdk.forEach((source, outcome) -> text.append("  ").append(source).append(": ")
                .append(outcome instanceof Defined ? "defined" : outcome.toString()).append('\n'));
        return text.toString();
    }

    private static List<Diagnostic> errors(Verdict verdict) {
        return verdict.diagnostics().stream().filter(Diagnostic::isError).toList();
    }

    private static List<String> codes(List<Diagnostic> errors) {
        return errors.stream().map(d -> d.code() + " " + d.details()).collect(Collectors.toList());
    }

    /**
     * The diagnostic layerhost must report for a refusal by the JDK: the JDK's message (Java 17 wording)
     * mapped to a code and the names it gives.
     */
    private record Expectation(String code, String description, Predicate<Diagnostic> test) {

        private static final List<Rule> RULES = List.of(
                new Rule("Module (\\S+) not found, required by (\\S+)", DiagnosticCode.MISSING_DEPENDENCY,
                        List.of("module", "requiredBy")),
                new Rule("Module (\\S+) does not read a module that exports (\\S+)", DiagnosticCode.MISSING_DEPENDENCY,
                        List.of("module", "package")),
                new Rule("Module (\\S+) reads (?:more than one|another) module named (\\S+)",
                        DiagnosticCode.VERSION_CONFLICT, List.of("reader", "module")),
                new Rule("Cycle detected: .*", DiagnosticCode.DEPENDENCY_CYCLE, List.of()),
                new Rule("Modules \\S+ and \\S+ export package (\\S+) to module \\S+", DiagnosticCode.SPLIT_PACKAGE,
                        List.of("package")),
                new Rule("Module \\S+ contains package (\\S+), module \\S+ exports package .*",
                        DiagnosticCode.SPLIT_PACKAGE, List.of("package")),
                new Rule("Package (\\S+) in more than one module", DiagnosticCode.SPLIT_PACKAGE, List.of("package")),
                new Rule(".*(?:reads package|in both module).*", DiagnosticCode.SPLIT_PACKAGE, List.of()),
                new Rule("Two versions of module (\\S+) found in .*", DiagnosticCode.DUPLICATE_MODULE,
                        List.of("module")),
                // a layer holding a module java.base: only the boot class loader may define it
                new Rule("Class loader must be the boot class loader", DiagnosticCode.INVALID_ARCHIVE, List.of()));

        private record Rule(String pattern, DiagnosticCode code, List<String> keys) {
        }

        private static final Pattern IMPORTED_TWICE =
                Pattern.compile("Package (\\S+) cannot be imported from multiple loaders");

        /**
         * The layer's one loader would import {@code packageName} from two modules of other layers, read by
         * different modules of the layer. From the JDK's own readability graph: two different modules are a
         * SPLIT_PACKAGE; two copies of one module mean the plugin reads two versions of it, a VERSION_CONFLICT.
         */
        private static Expectation importedTwice(String packageName, Configuration configuration) {
            Set<ResolvedModule> suppliers = new LinkedHashSet<>();
            for (ResolvedModule module : configuration.modules()) {
                for (ResolvedModule read : module.reads()) {
                    ModuleDescriptor descriptor = read.reference().descriptor();
                    if (read.configuration() != configuration && exportsToAll(descriptor, packageName)) {
                        suppliers.add(read);
                    }
                }
            }
            Set<String> names = suppliers.stream().map(ResolvedModule::name).collect(Collectors.toSet());
            boolean twoNames = names.size() > 1;
            boolean twoCopies = names.size() < suppliers.size();
            String code = twoNames ? "SPLIT_PACKAGE" : "VERSION_CONFLICT";
            return new Expectation(code, (twoNames ? "SPLIT_PACKAGE with package " + packageName : "")
                    + (twoNames && twoCopies ? " or " : "")
                    + (twoCopies ? "VERSION_CONFLICT of one of " + names : ""),
                    d -> (twoNames && d.code() == DiagnosticCode.SPLIT_PACKAGE
                            && packageName.equals(d.details().get("package")))
                            || (twoCopies && d.code() == DiagnosticCode.VERSION_CONFLICT
                            && names.contains(d.details().get("module"))
                            && !d.details().containsKey("compiledVersion")));
        }

        /** The expectation for {@code refused}, or null when no rule knows the JDK's message. */
        static Expectation of(Refused refused, String pluginId) {
            if (refused.cycle()) {
                return new Expectation("in a cycle of plugins", "DEPENDENCY_CYCLE through " + pluginId,
                        d -> d.code() == DiagnosticCode.DEPENDENCY_CYCLE && cycleOf(d).contains(pluginId));
            }
            if (refused.parent().isPresent()) {
                String parent = refused.parent().get();
                return new Expectation("parent refused", "DEPENDENCY_REJECTED of " + parent + " or DEPENDENCY_CYCLE through "
                        + pluginId,
                        d -> (d.code() == DiagnosticCode.DEPENDENCY_REJECTED && parent.equals(d.details().get("module")))
                                || (d.code() == DiagnosticCode.DEPENDENCY_CYCLE && cycleOf(d).contains(pluginId)));
            }
            String message = refused.jdkMessage().orElseThrow();
            Matcher imported = IMPORTED_TWICE.matcher(message);
            if (imported.matches() && refused.resolved().isPresent()) {
                return importedTwice(imported.group(1), refused.resolved().get());
            }
            for (Rule rule : RULES) {
                Matcher matcher = Pattern.compile(rule.pattern()).matcher(message);
                if (matcher.matches()) {
                    Map<String, String> names = new LinkedHashMap<>();
                    for (int i = 0; i < rule.keys().size(); i++) {
                        names.put(rule.keys().get(i), matcher.group(i + 1));
                    }
                    boolean sameVersionsRead = rule.code() == DiagnosticCode.VERSION_CONFLICT;
                    return new Expectation(rule.code().name(), rule.code() + " with " + names,
                            d -> d.code() == rule.code()
                                    && names.entrySet().stream()
                                    .allMatch(n -> n.getValue().equals(d.details().get(n.getKey())))
                                    // two versions read, not layerhost's own compiled-version rule
                                    && !(sameVersionsRead && d.details().containsKey("compiledVersion")));
                }
            }
            return null;
        }
    }
}
