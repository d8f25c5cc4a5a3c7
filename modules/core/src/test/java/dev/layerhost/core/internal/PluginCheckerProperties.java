package dev.layerhost.core.internal;

import dev.layerhost.core.Diagnostic;
import dev.layerhost.core.DiagnosticCode;
import dev.layerhost.core.Policy;
import dev.layerhost.core.internal.JdkOracle.Defined;
import dev.layerhost.core.internal.JdkOracle.Outcome;
import dev.layerhost.core.internal.JdkOracle.Refused;
import dev.layerhost.core.internal.RootShape.EntryShape;
import dev.layerhost.core.internal.RootShape.ExportsShape;
import dev.layerhost.core.internal.RootShape.ModuleShape;
import dev.layerhost.core.internal.RootShape.RequiresShape;

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

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * layerhost's checker against the JDK itself: on random small plugin roots built in memory, the verdict
 * on every plugin agrees with what {@code Configuration.resolve} and {@code defineModulesWithOneLoader}
 * do with the same modules and the same parent layers, except where layerhost is deliberately stricter.
 */
class PluginCheckerProperties {

    /** The in-memory API layer, defined once: it holds only {@code acme.api} 1.0, exporting {@code acme.api}. */
    private static final ModuleLayer API_LAYER = defineApiLayer();

    private static final ApiLayer API = ApiLayer.of(API_LAYER, Set.of(RootShape.API_MODULE));

    private static final List<String> SHARED_PACKAGES = List.of("shared.a", "shared.b", "shared.c");

    private static final String OWN_PLUGIN = "OWN_PLUGIN";

    private static final String LIB0 = "LIB0";

    private static final String LIB1 = "LIB1";

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

    // ---- the property ----

    // No edge cases: the drafts' edge case is an entry with neither provider nor library, which mixed in
    // made every tenth entry a NO_PROVIDER entry; small roots come often enough from random generation.
    @Property(tries = 2000, edgeCases = EdgeCasesMode.NONE)
    void everyPluginVerdictAgreesWithTheJdk(@ForAll("roots") RootShape root) {
        Comparison comparison = Comparison.of(root);
        comparison.assertAgreement();
        comparison.collectStatistics();
    }

    // ---- generators ----

    private record ModuleDraft(String name, Optional<String> version, boolean automatic, List<String> sharedPackages,
                               List<ExportsShape> exports, List<RequiresShape> requires) {
    }

    /**
     * @param alias            0, or an index whose plugin id this entry's plugin takes too (a duplicate plugin)
     * @param providesService  whether the plugin module provides the service at all
     * @param apiRequires      the plugin's dependence on the API module, if any
     * @param duplicateLibrary whether the entry holds a second jar of its first library
     */
    private record EntryDraft(int alias, boolean providesService, ModuleDraft plugin,
                              Optional<RequiresShape> apiRequires, List<ModuleDraft> libraries,
                              boolean duplicateLibrary) {
    }

    @Provide
    Arbitrary<RootShape> roots() {
        Arbitrary<Set<String>> denied = Arbitraries.frequency(Tuple.of(85, Set.of()), Tuple.of(15, Set.of("lib.d")));
        return Combinators.combine(entryDraft().list().ofMinSize(2).ofMaxSize(6), denied)
                .as(PluginCheckerProperties::assemble);
    }

    private Arbitrary<EntryDraft> entryDraft() {
        Arbitrary<Integer> alias = Arbitraries.frequencyOf(Tuple.of(94, Arbitraries.just(0)),
                Tuple.of(6, Arbitraries.integers().between(1, 5)));
        Arbitrary<Boolean> providesService = Arbitraries.frequency(Tuple.of(96, true), Tuple.of(4, false));
        RequiresShape plainApi = new RequiresShape(RootShape.API_MODULE, false, false, Optional.empty());
        Arbitrary<Optional<RequiresShape>> apiRequires = Arbitraries.frequency(
                Tuple.of(78, Optional.of(plainApi)),
                Tuple.of(6, Optional.of(new RequiresShape(RootShape.API_MODULE, true, false, Optional.empty()))),
                Tuple.of(6, Optional.of(new RequiresShape(RootShape.API_MODULE, false, false, Optional.of("1.5")))),
                Tuple.of(4, Optional.of(new RequiresShape(RootShape.API_MODULE, false, false, Optional.of("2.0")))),
                Tuple.of(6, Optional.empty()));
        Arbitrary<String> libraryNames = Arbitraries.frequency(Tuple.of(30, "lib.a"), Tuple.of(30, "lib.b"),
                Tuple.of(25, "lib.c"), Tuple.of(10, "lib.d"), Tuple.of(2, RootShape.API_MODULE));
        Arbitrary<List<ModuleDraft>> libraries = moduleDraft(libraryNames, 2, 2, 8).list().ofMaxSize(3)
                .uniqueElements(ModuleDraft::name);
        Arbitrary<Boolean> duplicateLibrary = Arbitraries.frequency(Tuple.of(95, false), Tuple.of(5, true));
        return Combinators.combine(alias, providesService, moduleDraft(Arbitraries.just(""), 3, 1, 4), apiRequires,
                libraries, duplicateLibrary).as(EntryDraft::new);
    }

    private Arbitrary<ModuleDraft> moduleDraft(Arbitrary<String> names, int maxRequires, int maxShared,
                                               int automaticPercent) {
        Arbitrary<Optional<String>> version = Arbitraries.of("1.0", "1.5", "2.0").optional(0.9);
        Arbitrary<Boolean> automatic = Arbitraries.frequency(Tuple.of(100 - automaticPercent, false),
                Tuple.of(automaticPercent, true));
        Arbitrary<List<String>> shared = Arbitraries.of(SHARED_PACKAGES).set().ofMaxSize(maxShared)
                .map(packages -> packages.stream().sorted().toList());
        Arbitrary<List<ExportsShape>> exports = Combinators.combine(
                        Arbitraries.frequency(Tuple.of(2, "OWN"), Tuple.of(1, "shared.a"), Tuple.of(1, "shared.b"),
                                Tuple.of(1, "shared.c")),
                        Arbitraries.of("p1", "p2", "lib.a", "lib.b").optional(0.15))
                .as(ExportsShape::new).list().ofMaxSize(3);
        // OWN_PLUGIN stands for the id of the entry's own plugin (a library requiring it back makes a cycle),
        // LIB0 and LIB1 for the entry's first and second library (so that most dependences can be met)
        Arbitrary<String> targets = Arbitraries.frequency(Tuple.of(18, LIB0), Tuple.of(10, LIB1),
                Tuple.of(8, "lib.a"), Tuple.of(8, "lib.b"), Tuple.of(6, "lib.c"), Tuple.of(4, "lib.d"),
                Tuple.of(10, "p1"), Tuple.of(10, "p2"), Tuple.of(7, "p3"), Tuple.of(5, "p4"), Tuple.of(2, "p5"),
                Tuple.of(1, "p6"), Tuple.of(5, RootShape.API_MODULE), Tuple.of(2, "gone.x"), Tuple.of(3, OWN_PLUGIN));
        Arbitrary<RequiresShape> requires = Combinators.combine(targets,
                Arbitraries.frequency(Tuple.of(70, false), Tuple.of(30, true)),
                Arbitraries.frequency(Tuple.of(92, false), Tuple.of(8, true)),
                Arbitraries.of("1.0", "1.5", "2.0").optional(0.15)).as(RequiresShape::new);
        return Combinators.combine(names, version, automatic, shared, exports, requires.list().ofMaxSize(maxRequires))
                .as(ModuleDraft::new);
    }

    private static RootShape assemble(List<EntryDraft> drafts, Set<String> denied) {
        List<EntryShape> entries = new ArrayList<>();
        for (int i = 1; i <= drafts.size(); i++) {
            EntryDraft draft = drafts.get(i - 1);
            String id = "p" + (draft.alias() > 0 && draft.alias() < i ? draft.alias() : i);
            List<RequiresShape> pluginRequires = new ArrayList<>();
            draft.apiRequires().ifPresent(pluginRequires::add);
            pluginRequires.addAll(draft.plugin().requires());
            List<String> libraryNames = draft.libraries().stream().map(ModuleDraft::name).toList();
            Map<String, String> tokens = Map.of(OWN_PLUGIN, id,
                    LIB0, libraryNames.isEmpty() ? "lib.a" : libraryNames.get(0),
                    LIB1, libraryNames.size() < 2 ? "lib.b" : libraryNames.get(1));
            ModuleShape plugin = shape(new ModuleDraft(id, draft.plugin().version(), draft.plugin().automatic(),
                    draft.plugin().sharedPackages(), draft.plugin().exports(), pluginRequires),
                    id + ".impl", tokens, draft.providesService());
            List<ModuleShape> libraries = new ArrayList<>();
            for (ModuleDraft library : draft.libraries()) {
                String ownPackage = library.name().equals(RootShape.API_MODULE)
                        ? RootShape.API_MODULE : library.name() + ".core";
                libraries.add(shape(library, ownPackage, tokens, false));
            }
            if (draft.duplicateLibrary() && !libraries.isEmpty()) {
                ModuleShape first = libraries.get(0);
                String otherVersion = first.version().filter("1.0"::equals).isPresent() ? "2.0" : "1.0";
                libraries.add(new ModuleShape(first.name(), Optional.of(otherVersion), first.automatic(),
                        first.packages(), first.exports(), first.requires(), false));
            }
            entries.add(new EntryShape("entry" + i, plugin, libraries));
        }
        return new RootShape(entries, denied);
    }

    /** A descriptor the JDK's builder accepts: no self-dependence, one clause per module or package. */
    private static ModuleShape shape(ModuleDraft draft, String ownPackage, Map<String, String> tokens,
                                     boolean providesService) {
        List<String> packages = new ArrayList<>();
        packages.add(ownPackage);
        draft.sharedPackages().stream().filter(p -> !packages.contains(p)).forEach(packages::add);
        if (draft.automatic()) {
            return new ModuleShape(draft.name(), draft.version(), true, packages, List.of(), List.of(),
                    providesService);
        }
        Map<String, RequiresShape> requires = new LinkedHashMap<>();
        for (RequiresShape clause : draft.requires()) {
            String target = tokens.getOrDefault(clause.module(), clause.module());
            if (!target.equals(draft.name())) {
                requires.putIfAbsent(target, new RequiresShape(target, clause.transitive(), clause.isStatic(),
                        clause.compiledVersion()));
            }
        }
        Map<String, ExportsShape> exports = new LinkedHashMap<>();
        for (ExportsShape clause : draft.exports()) {
            String packageName = clause.packageName().equals("OWN") ? ownPackage : clause.packageName();
            Optional<String> target = clause.target().filter(t -> !t.equals(draft.name()));
            if (packages.contains(packageName)) {
                exports.putIfAbsent(packageName, new ExportsShape(packageName, target));
            }
        }
        return new ModuleShape(draft.name(), draft.version(), false, packages, List.copyOf(exports.values()),
                List.copyOf(requires.values()), providesService);
    }

    // ---- examples ----

    @Example
    void aRequiresTransitiveChainThroughTwoParentPluginsIsReadAsTheJdkReadsIt() {
        EntryShape base = entry("entry1", plugin("p1", requires("lib.a", true)), library("lib.a", "1.0"));
        EntryShape middle = entry("entry2", plugin("p2", requires("p1", true)));
        EntryShape top = entry("entry3", plugin("p3", requires("p2", false), requires("lib.a", false)));
        Comparison comparison = Comparison.of(new RootShape(List.of(base, middle, top), Set.of()));
        comparison.assertAgreement();
        assertTrue(comparison.verdict("entry3").sound(), comparison::describe);
        assertEquals(List.of("p2"), comparison.verdict("entry3").parents());
        assertInstanceOf(Defined.class, comparison.jdk("entry3"));
    }

    @Example
    void aPluginReadingItsOwnCopyAndAParentsTransitiveCopyOfALibraryIsAVersionConflict() {
        EntryShape base = entry("entry1", plugin("p1", requires("lib.a", true)), library("lib.a", "1.0"));
        EntryShape middle = entry("entry2", plugin("p2", requires("p1", true)));
        EntryShape top = entry("entry3", plugin("p3", requires("p2", false), requires("lib.a", false)),
                library("lib.a", "2.0"));
        Comparison comparison = Comparison.of(new RootShape(List.of(base, middle, top), Set.of()));
        comparison.assertAgreement();
        assertTrue(comparison.hasDiagnostic("entry3", DiagnosticCode.VERSION_CONFLICT,
                d -> "lib.a".equals(d.details().get("module")) && "p3".equals(d.details().get("reader"))),
                comparison::describe);
    }

    @Example
    void twoParentsExportingOnePackageToTwoModulesOfOneLayerIsASplitPackage() {
        EntryShape left = entry("entry1", exporting(plugin("p1"), "shared.a"));
        EntryShape right = entry("entry2", exporting(plugin("p2"), "shared.a"));
        EntryShape child = entry("entry3", plugin("p3", requires("p1", false), requires("lib.a", false)),
                library("lib.a", "1.0", requires("p2", false)));
        Comparison comparison = Comparison.of(new RootShape(List.of(left, right, child), Set.of()));
        comparison.assertAgreement();
        assertTrue(comparison.hasDiagnostic("entry3", DiagnosticCode.SPLIT_PACKAGE,
                d -> "shared.a".equals(d.details().get("package"))), comparison::describe);
    }

    @Example
    void twoLibrariesOfOneEntryWithOneConcealedPackageIsASplitPackage() {
        ModuleShape first = new ModuleShape("lib.a", Optional.of("1.0"), false, List.of("lib.a.core", "shared.a"),
                List.of(), List.of(), false);
        ModuleShape second = new ModuleShape("lib.b", Optional.of("1.0"), false, List.of("lib.b.core", "shared.a"),
                List.of(), List.of(), false);
        EntryShape only = new EntryShape("entry1",
                plugin("p1", requires("lib.a", false), requires("lib.b", false)), List.of(first, second));
        Comparison comparison = Comparison.of(new RootShape(List.of(only), Set.of()));
        comparison.assertAgreement();
        assertTrue(comparison.hasDiagnostic("entry1", DiagnosticCode.SPLIT_PACKAGE,
                d -> "shared.a".equals(d.details().get("package"))), comparison::describe);
    }

    @Example
    void anAutomaticLibraryReadsEveryModuleOfEveryParentLayer() {
        EntryShape left = entry("entry1", plugin("p1", requires("lib.a", false)), library("lib.a", "1.0"));
        EntryShape right = entry("entry2", plugin("p2", requires("lib.a", false)), library("lib.a", "2.0"));
        ModuleShape automatic = new ModuleShape("lib.c", Optional.of("1.0"), true, List.of("lib.c.core"),
                List.of(), List.of(), false);
        EntryShape child = new EntryShape("entry3",
                plugin("p3", requires("p1", false), requires("p2", false), requires("lib.c", false)),
                List.of(automatic));
        Comparison comparison = Comparison.of(new RootShape(List.of(left, right, child), Set.of()));
        comparison.assertAgreement();
        assertTrue(comparison.hasDiagnostic("entry3", DiagnosticCode.VERSION_CONFLICT,
                d -> "lib.a".equals(d.details().get("module"))), comparison::describe);
        assertTrue(comparison.verdict("entry1").sound() && comparison.verdict("entry2").sound(),
                comparison::describe);
    }

    @Example
    void aDiamondOfPluginsIsSoundWithBothSidesAsParents() {
        EntryShape base = entry("entry1", exporting(plugin("p1"), "shared.a"));
        EntryShape left = entry("entry2", plugin("p2", requires("p1", true)));
        EntryShape right = entry("entry3", plugin("p3", requires("p1", true)));
        EntryShape top = entry("entry4", plugin("p4", requires("p2", false), requires("p3", false)));
        Comparison comparison = Comparison.of(new RootShape(List.of(base, left, right, top), Set.of()));
        comparison.assertAgreement();
        assertTrue(comparison.verdict("entry4").sound(), comparison::describe);
        assertEquals(List.of("p2", "p3"), comparison.verdict("entry4").parents());
    }

    @Example
    void aDeniedModuleDoesNotHideTheOtherProblemsOfThePlugin() {
        ModuleShape first = new ModuleShape("lib.a", Optional.of("1.0"), false, List.of("lib.a.core", "shared.a"),
                List.of(), List.of(), false);
        ModuleShape second = new ModuleShape("lib.d", Optional.of("1.0"), false, List.of("lib.d.core", "shared.a"),
                List.of(), List.of(), false);
        EntryShape only = new EntryShape("entry1",
                plugin("p1", requires("lib.a", false), requires("lib.d", false)), List.of(first, second));
        Comparison comparison = Comparison.of(new RootShape(List.of(only), Set.of("lib.d")));
        comparison.assertAgreement();
        assertTrue(comparison.hasDiagnostic("entry1", DiagnosticCode.FORBIDDEN_MODULE, d -> true),
                comparison::describe);
        assertTrue(comparison.hasDiagnostic("entry1", DiagnosticCode.SPLIT_PACKAGE, d -> true),
                comparison::describe);
    }

    @Example
    void aCycleOfPluginsIsRejectedAndItsDependentToo() {
        EntryShape first = entry("entry1", plugin("p1", requires("p2", false)));
        EntryShape second = entry("entry2", plugin("p2", requires("p1", false)));
        EntryShape dependent = entry("entry3", plugin("p3", requires("p2", false)));
        Comparison comparison = Comparison.of(new RootShape(List.of(first, second, dependent), Set.of()));
        comparison.assertAgreement();
        assertTrue(comparison.hasDiagnostic("entry1", DiagnosticCode.DEPENDENCY_CYCLE, d -> true));
        assertTrue(comparison.hasDiagnostic("entry3", DiagnosticCode.DEPENDENCY_REJECTED,
                d -> "p2".equals(d.details().get("module"))), comparison::describe);
        assertFalse(comparison.verdict("entry3").sound());
    }

    private static EntryShape entry(String source, ModuleShape plugin, ModuleShape... libraries) {
        return new EntryShape(source, plugin, List.of(libraries));
    }

    private static ModuleShape plugin(String id, RequiresShape... requires) {
        List<RequiresShape> all = new ArrayList<>();
        all.add(requires(RootShape.API_MODULE, false));
        all.addAll(List.of(requires));
        return new ModuleShape(id, Optional.of("1.0"), false, List.of(id + ".impl"), List.of(), all, true);
    }

    private static ModuleShape exporting(ModuleShape module, String packageName) {
        List<String> packages = new ArrayList<>(module.packages());
        packages.add(packageName);
        return new ModuleShape(module.name(), module.version(), module.automatic(), packages,
                List.of(new ExportsShape(packageName, Optional.empty())), module.requires(), module.providesService());
    }

    private static ModuleShape library(String name, String version, RequiresShape... requires) {
        return new ModuleShape(name, Optional.of(version), false, List.of(name + ".core"),
                List.of(new ExportsShape(name + ".core", Optional.empty())), List.of(requires), false);
    }

    private static RequiresShape requires(String module, boolean transitive) {
        return new RequiresShape(module, transitive, false, Optional.empty());
    }

    // ---- the comparison ----

    private static List<String> cycleOf(Diagnostic diagnostic) {
        Object cycle = diagnostic.details().get("cycle");
        return cycle instanceof Collection<?> ids ? ids.stream().map(String::valueOf).toList() : List.of();
    }

    /** layerhost's verdicts and the JDK's outcomes on one root, and the rules that relate them. */
    private static final class Comparison {
        private final RootShape root;
        private final CheckResult result;
        private final JdkOracle oracle;
        private final Map<String, Outcome> jdk;
        private final Map<String, Verdict> verdicts = new LinkedHashMap<>();

        private Comparison(RootShape root, CheckResult result, JdkOracle oracle, Map<String, Outcome> jdk) {
            this.root = root;
            this.result = result;
            this.oracle = oracle;
            this.jdk = jdk;
            result.verdicts().forEach(verdict -> verdicts.put(verdict.source(), verdict));
        }

        static Comparison of(RootShape root) {
            Map<EntryShape, List<ModuleReference>> references = root.references();
            CheckResult result = new PluginChecker(API, Policy.denying(root.deniedModules()))
                    .check(root.candidates(references));
            JdkOracle oracle = new JdkOracle(root, references, API_LAYER);
            return new Comparison(root, result, oracle, oracle.judge());
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
            boolean holds = switch (error.code()) {
                case DUPLICATE_PLUGIN -> root.duplicatedIds().contains(entry.plugin().name());
                case DUPLICATE_MODULE -> entry.modules().stream()
                        .filter(m -> m.name().equals(details.get("module"))).count() > 1;
                // layerhost's "shadowed API": the plugin provides the service of its own copy of acme.api
                case NO_PROVIDER -> entry.holds(RootShape.API_MODULE);
                case VERSION_CONFLICT -> details.containsKey("compiledVersion")
                        && !MajorVersion.of((String) details.get("compiledVersion"))
                        .equals(MajorVersion.of((String) details.get("resolvedVersion")))
                        && entry.modules().stream().filter(m -> m.name().equals(details.get("requiredBy")))
                        .flatMap(m -> m.requires().stream())
                        .anyMatch(r -> r.module().equals(details.get("module"))
                                && r.compiledVersion().equals(Optional.of(details.get("compiledVersion"))));
                case FORBIDDEN_MODULE -> root.deniedModules().contains(details.get("module"));
                case DEPENDENCY_REJECTED -> oracle.parents(entry).contains(details.get("module"))
                        && root.firstEntryOf((String) details.get("module"))
                        .map(parent -> !verdict(parent.source()).sound()).orElse(false);
                // the JDK's oracle takes the first entry of a duplicated id; layerhost joins the edges of all
                case DEPENDENCY_CYCLE -> cycleThroughDuplicate(entry, error);
                default -> false;
            };
            return holds ? Optional.of(error.code().name()) : Optional.empty();
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
                        ? Optional.ofNullable(Expectation.of(refused, entry.plugin().name())).map(Expectation::code).orElse("?") : "defined";
                Statistics.label("JDK per plugin").collect(jdkSays);
                Statistics.label("agreement per plugin").collect(verdict.sound() ? "both accept"
                        : outcome instanceof Defined ? "layerhost stricter" : "both reject");
            }
            Statistics.label("sound plugins per root").collect(sound == 0 ? "none" : sound == plugins ? "all" : "some");
            boolean pluginOnPlugin = root.entries().stream().anyMatch(e -> !oracle.parents(e).isEmpty());
            Statistics.label("plugin-on-plugin edges").collect(pluginOnPlugin ? "yes" : "no");
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
                        List.of("module")));

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
                    boolean exported = descriptor.isAutomatic() ? descriptor.packages().contains(packageName)
                            : descriptor.exports().stream()
                            .anyMatch(e -> !e.isQualified() && e.source().equals(packageName));
                    if (read.configuration() != configuration && exported) {
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
                return new Expectation("cycle", "DEPENDENCY_CYCLE through " + pluginId,
                        d -> d.code() == DiagnosticCode.DEPENDENCY_CYCLE && cycleOf(d).contains(pluginId));
            }
            if (refused.parent().isPresent()) {
                String parent = refused.parent().get();
                return new Expectation("parent", "DEPENDENCY_REJECTED of " + parent + " or DEPENDENCY_CYCLE through "
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
