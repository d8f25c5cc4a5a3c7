package dev.layerhost.core.internal.check;

import dev.layerhost.core.DiagnosticCode;
import dev.layerhost.core.internal.check.JdkOracle.Defined;
import dev.layerhost.core.internal.check.RootShape.EntryShape;
import dev.layerhost.core.internal.check.RootShape.ExportsShape;
import dev.layerhost.core.internal.check.RootShape.ModuleShape;
import dev.layerhost.core.internal.check.RootShape.RequiresShape;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

/**
 * layerhost's checker against the JDK itself: on random small plugin roots built in memory, the verdict
 * on every plugin agrees with what {@code Configuration.resolve} and {@code defineModulesWithOneLoader}
 * do with the same modules and the same parent layers, except where layerhost is deliberately stricter.
 *
 * <p>A root has 2 to 6 entries; entry {@code i} holds plugin {@code p<i>} (sometimes another entry's id,
 * sometimes providing nothing, sometimes automatic) and up to 3 libraries named from a small shared pool
 * (sometimes two jars of one, sometimes a copy of {@code acme.api}), with versions 1.0, 1.5, 2.0 or none,
 * packages from a shared pool (so packages split), random exports (some qualified), {@code uses}, and
 * {@code requires} (some {@code transitive}, {@code static} or with a compiled version) of the entry's
 * libraries, other libraries, other plugins, the API and runtime modules, or modules nobody holds. The
 * policy sometimes denies a library or a plugin. The JDK's side is {@link JdkOracle}; the rules relating
 * the two are {@link VerdictComparison}. A {@code requires static} of another plugin makes it a parent
 * when it is sound and the edge closes no cycle of plugins (issue 11): the oracle applies that rule on
 * its own, and the statistics show such edges as parents, done without, and ignored on a cycle.
 */
class PluginCheckerProperties {

    private static final List<String> SHARED_PACKAGES = List.of("shared.a", "shared.b", "shared.c");

    private static final String OWN_PLUGIN = "OWN_PLUGIN";

    private static final String LIB0 = "LIB0";

    private static final String LIB1 = "LIB1";

    private static final String JAVA_BASE = "java.base";

    // ---- the property ----

    // No edge cases: the drafts' edge case is an entry with neither provider nor library, which mixed in
    // made every tenth entry a NO_PROVIDER entry; small roots come often enough from random generation.
    @Property(tries = 2000, edgeCases = EdgeCasesMode.NONE)
    void everyPluginVerdictAgreesWithTheJdk(@ForAll("roots") RootShape root) {
        VerdictComparison comparison = VerdictComparison.of(root);
        comparison.assertAgreement();
        comparison.collectStatistics();
        // the generator must keep producing every kind of refusal and every stricter rule
        Statistics.label("JDK per plugin").coverage(coverage -> {
            coverage.check("defined").percentage(percent -> percent > 25);
            coverage.check("parent refused").count(count -> count >= 100);
            coverage.check("in a cycle of plugins").count(count -> count >= 40);
            coverage.check("SPLIT_PACKAGE").count(count -> count >= 40);
            coverage.check("DUPLICATE_MODULE").count(count -> count >= 40);
            coverage.check("DEPENDENCY_CYCLE").count(count -> count >= 25);
            coverage.check("VERSION_CONFLICT").count(count -> count >= 3);
            coverage.check("INVALID_ARCHIVE").count(count -> count >= 20);
        });
        Statistics.label("requires static of a plugin").coverage(coverage -> {
            coverage.check("a parent").count(count -> count >= 100);
            coverage.check("done without (rejected)").count(count -> count >= 100);
            coverage.check("ignored (cycle)").count(count -> count >= 20);
        });
        Statistics.label("stricter rule (JDK defined)").coverage(coverage -> {
            coverage.check("VERSION_CONFLICT (compiled major)").count(count -> count >= 40);
            coverage.check("DUPLICATE_PLUGIN").count(count -> count >= 40);
            coverage.check("DEPENDENCY_REJECTED (parent rejected by a stricter rule)").count(count -> count >= 10);
            coverage.check("FORBIDDEN_MODULE").count(count -> count >= 1);
            coverage.check("NO_PROVIDER (own copy of acme.api)").count(count -> count >= 1);
        });
    }

    /**
     * A check after some entries were replaced, added or removed re-checks only what those changes reach
     * (a reload); twice in a row, it gives the verdicts a whole check of the same root gives.
     */
    @Property(tries = 400, edgeCases = EdgeCasesMode.NONE)
    void aCheckOfChangesAgreesWithAWholeCheck(@ForAll("roots") RootShape first, @ForAll("roots") RootShape second,
                                              @ForAll("roots") RootShape third, @ForAll long seed) {
        java.util.Random random = new java.util.Random(seed);
        dev.layerhost.core.Policy policy = dev.layerhost.core.Policy.denying(first.deniedModules());
        List<dev.layerhost.core.internal.archive.Candidate> before = first.candidates(first.references());
        List<dev.layerhost.core.internal.archive.Candidate> middle = mix(before, second.candidates(second.references()), random);
        List<dev.layerhost.core.internal.archive.Candidate> after = mix(middle, third.candidates(third.references()), random);
        PluginChecker checker = new PluginChecker(VerdictComparison.API, policy);
        checker.check(before);
        Verdicts middleVerdicts = checker.check(middle);
        assertEquals(summary(new PluginChecker(VerdictComparison.API, policy).check(middle)), summary(middleVerdicts));
        assertParentsFirst(middleVerdicts);
        Verdicts afterVerdicts = checker.check(after);
        assertEquals(summary(new PluginChecker(VerdictComparison.API, policy).check(after)), summary(afterVerdicts));
        assertParentsFirst(afterVerdicts);
        Statistics.label("changed entries").collect(changes(before, middle) > 8 ? "many (whole check)" : "few");
    }

    /** {@code root} with some entries replaced or added from {@code other} (same source names) and some removed. */
    private static List<dev.layerhost.core.internal.archive.Candidate> mix(
            List<dev.layerhost.core.internal.archive.Candidate> root,
            List<dev.layerhost.core.internal.archive.Candidate> other, java.util.Random random) {
        Map<String, dev.layerhost.core.internal.archive.Candidate> mixed = new java.util.TreeMap<>();
        root.forEach(candidate -> mixed.put(candidate.source(), candidate));
        for (dev.layerhost.core.internal.archive.Candidate candidate : other) {
            if (random.nextInt(4) == 0) {
                mixed.put(candidate.source(), candidate);
            }
        }
        for (dev.layerhost.core.internal.archive.Candidate candidate : root) {
            if (random.nextInt(10) == 0) {
                mixed.remove(candidate.source());
            }
        }
        return List.copyOf(mixed.values());
    }

    private static long changes(List<dev.layerhost.core.internal.archive.Candidate> before,
                                List<dev.layerhost.core.internal.archive.Candidate> after) {
        Set<Object> old = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        old.addAll(before);
        return after.stream().filter(candidate -> !old.contains(candidate)).count()
                + Math.max(0, before.size() - after.size());
    }

    /** What a verdict says, without the identity of its modelled configuration. */
    private static List<List<Object>> summary(Verdicts verdicts) {
        List<List<Object>> summary = new ArrayList<>();
        for (Verdict verdict : verdicts.verdicts()) {
            summary.add(List.of(verdict.source(), verdict.pluginId(), verdict.sound(), verdict.diagnostics(),
                    verdict.parents(), verdict.layerModules().stream().map(m -> m.name()).toList(),
                    verdict.configuration().isPresent()));
        }
        summary.add(List.of("layer order as a set", new java.util.TreeSet<>(verdicts.layerOrder())));
        return summary;
    }

    private static void assertParentsFirst(Verdicts verdicts) {
        Map<String, Verdict> bySource = new java.util.HashMap<>();
        verdicts.verdicts().forEach(verdict -> bySource.put(verdict.source(), verdict));
        Set<String> placed = new java.util.HashSet<>();
        for (String source : verdicts.layerOrder()) {
            Verdict verdict = bySource.get(source);
            assertTrue(verdict.sound(), source + " is in the layer order but not sound");
            for (String parent : verdict.parents()) {
                assertTrue(placed.contains(parent), parent + " comes after its child " + source + " in " + verdicts.layerOrder());
            }
            verdict.pluginId().ifPresent(placed::add);
        }
    }

    // ---- generators ----

    private record ModuleDraft(String name, Optional<String> version, boolean automatic, List<String> sharedPackages,
                               List<ExportsShape> exports, List<RequiresShape> requires, Optional<String> uses) {
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
        Arbitrary<Set<String>> denied = Arbitraries.frequency(Tuple.of(82, Set.of()), Tuple.of(12, Set.of("lib.d")),
                Tuple.of(6, Set.of("p2")));
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
        // a library named like another entry's plugin shadows that plugin inside its own entry
        // java.base: only the boot loader may define it, so the JDK refuses every layer that holds a copy
        Arbitrary<String> libraryNames = Arbitraries.frequency(Tuple.of(30, "lib.a"), Tuple.of(30, "lib.b"),
                Tuple.of(25, "lib.c"), Tuple.of(10, "lib.d"), Tuple.of(2, RootShape.API_MODULE), Tuple.of(2, "p1"),
                Tuple.of(2, "p2"), Tuple.of(2, JAVA_BASE));
        Arbitrary<List<ModuleDraft>> libraries = moduleDraft(libraryNames, 2, 2, 14).list().ofMaxSize(3)
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
                Tuple.of(1, "p6"), Tuple.of(5, RootShape.API_MODULE), Tuple.of(2, "java.logging"), Tuple.of(2, "gone.x"),
                Tuple.of(3, OWN_PLUGIN));
        Arbitrary<RequiresShape> requires = Combinators.combine(targets,
                Arbitraries.frequency(Tuple.of(70, false), Tuple.of(30, true)),
                // static often enough that optional plugin edges are parents, done without, and on cycles
                Arbitraries.frequency(Tuple.of(86, false), Tuple.of(14, true)),
                Arbitraries.of("1.0", "1.5", "2.0").optional(0.15)).as(RequiresShape::new);
        Arbitrary<Optional<String>> uses = Arbitraries.of(RootShape.SERVICE, "shared.a.Spi").optional(0.06);
        return Combinators.combine(names, version, automatic, shared, exports, requires.list().ofMaxSize(maxRequires),
                uses).as(ModuleDraft::new);
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
            String firstLibrary = libraryNames.isEmpty() ? RootShape.API_MODULE : libraryNames.get(0);
            Map<String, String> tokens = Map.of(OWN_PLUGIN, id, LIB0, firstLibrary,
                    LIB1, libraryNames.size() < 2 ? firstLibrary : libraryNames.get(1));
            ModuleShape plugin = shape(new ModuleDraft(id, draft.plugin().version(), draft.plugin().automatic(),
                    draft.plugin().sharedPackages(), draft.plugin().exports(), pluginRequires, draft.plugin().uses()),
                    id + ".impl", tokens, draft.providesService());
            List<ModuleShape> libraries = new ArrayList<>();
            for (ModuleDraft library : draft.libraries()) {
                if (library.name().equals(JAVA_BASE)) {
                    // as a jar can hold it: no requires (the JDK reads no other java.base), no java package
                    libraries.add(shape(new ModuleDraft(JAVA_BASE, library.version(), library.automatic(),
                            library.sharedPackages(), library.exports(), List.of(), library.uses()),
                            "jb.core", tokens, false));
                    continue;
                }
                String ownPackage = library.name().equals(RootShape.API_MODULE)
                        ? RootShape.API_MODULE : library.name() + ".core";
                libraries.add(shape(library, ownPackage, tokens, false));
            }
            if (draft.duplicateLibrary() && !libraries.isEmpty()) {
                ModuleShape first = libraries.get(0);
                String otherVersion = first.version().filter("1.0"::equals).isPresent() ? "2.0" : "1.0";
                libraries.add(new ModuleShape(first.name(), Optional.of(otherVersion), first.automatic(),
                        first.packages(), first.exports(), first.requires(), false, first.uses()));
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
                List.copyOf(requires.values()), providesService, draft.uses().stream().toList());
    }

    // ---- examples ----

    @Example
    void aRequiresTransitiveChainThroughTwoParentPluginsIsReadAsTheJdkReadsIt() {
        EntryShape base = entry("entry1", plugin("p1", requires("lib.a", true)), library("lib.a", "1.0"));
        EntryShape middle = entry("entry2", plugin("p2", requires("p1", true)));
        EntryShape top = entry("entry3", plugin("p3", requires("p2", false), requires("lib.a", false)));
        VerdictComparison comparison = VerdictComparison.of(new RootShape(List.of(base, middle, top), Set.of()));
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
        VerdictComparison comparison = VerdictComparison.of(new RootShape(List.of(base, middle, top), Set.of()));
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
        VerdictComparison comparison = VerdictComparison.of(new RootShape(List.of(left, right, child), Set.of()));
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
        VerdictComparison comparison = VerdictComparison.of(new RootShape(List.of(only), Set.of()));
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
        VerdictComparison comparison = VerdictComparison.of(new RootShape(List.of(left, right, child), Set.of()));
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
        VerdictComparison comparison = VerdictComparison.of(new RootShape(List.of(base, left, right, top), Set.of()));
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
        VerdictComparison comparison = VerdictComparison.of(new RootShape(List.of(only), Set.of("lib.d")));
        comparison.assertAgreement();
        assertTrue(comparison.hasDiagnostic("entry1", DiagnosticCode.FORBIDDEN_MODULE, d -> true),
                comparison::describe);
        assertTrue(comparison.hasDiagnostic("entry1", DiagnosticCode.SPLIT_PACKAGE, d -> true),
                comparison::describe);
    }

    @Example
    void requiringAnAutomaticModuleOfAParentReadsEveryAutomaticModuleItReads() {
        EntryShape parent = new EntryShape("entry1",
                new ModuleShape("p1", Optional.empty(), true, List.of("p1.impl"), List.of(), List.of(), true),
                List.of(new ModuleShape("lib.a", Optional.of("1.0"), true, List.of("lib.a.core"), List.of(),
                        List.of(), false)));
        EntryShape child = entry("entry2", plugin("p2", requires("p1", false), requires("lib.a", false)),
                library("lib.a", "2.0"));
        VerdictComparison comparison = VerdictComparison.of(new RootShape(List.of(parent, child), Set.of()));
        comparison.assertAgreement();
        assertTrue(comparison.hasDiagnostic("entry2", DiagnosticCode.VERSION_CONFLICT,
                d -> "lib.a".equals(d.details().get("module")) && "p2".equals(d.details().get("reader"))),
                comparison::describe);
    }

    @Example
    void everyPluginOfACycleIsToldACycleThroughItself() {
        EntryShape first = entry("entry1", plugin("p2", requires("lib.b", false), requires("p4", false)),
                library("lib.b", "1.0", requires("p3", false)));
        EntryShape second = entry("entry2", plugin("p3", requires("p2", false)));
        EntryShape third = entry("entry3", plugin("p4", requires("p2", false)));
        VerdictComparison comparison = VerdictComparison.of(new RootShape(List.of(first, second, third), Set.of()));
        comparison.assertAgreement();
        for (String source : List.of("entry1", "entry2", "entry3")) {
            String id = comparison.verdict(source).pluginId().orElseThrow();
            assertTrue(comparison.hasDiagnostic(source, DiagnosticCode.DEPENDENCY_CYCLE,
                    d -> VerdictComparison.cycleOf(d).contains(id)), comparison::describe);
            assertFalse(comparison.hasDiagnostic(source, DiagnosticCode.DEPENDENCY_REJECTED, d -> true),
                    comparison::describe);
        }
    }

    @Example
    void aCycleOfPluginsIsRejectedAndItsDependentToo() {
        EntryShape first = entry("entry1", plugin("p1", requires("p2", false)));
        EntryShape second = entry("entry2", plugin("p2", requires("p1", false)));
        EntryShape dependent = entry("entry3", plugin("p3", requires("p2", false)));
        VerdictComparison comparison = VerdictComparison.of(new RootShape(List.of(first, second, dependent), Set.of()));
        comparison.assertAgreement();
        assertTrue(comparison.hasDiagnostic("entry1", DiagnosticCode.DEPENDENCY_CYCLE, d -> true));
        assertTrue(comparison.hasDiagnostic("entry3", DiagnosticCode.DEPENDENCY_REJECTED,
                d -> "p2".equals(d.details().get("module"))), comparison::describe);
        assertFalse(comparison.verdict("entry3").sound());
    }

    @Example
    void aFolderBundlingJavaBaseIsRejectedAsTheJdkRefusesItsLayer() {
        EntryShape based = entry("entry1", plugin("p1", requires("lib.a", false)), library("lib.a", "1.0"),
                new ModuleShape(JAVA_BASE, Optional.empty(), false, List.of("jb.core"),
                        List.of(new ExportsShape("jb.core", Optional.empty())), List.of(), false));
        EntryShape sound = entry("entry2", plugin("p2"));
        VerdictComparison comparison = VerdictComparison.of(new RootShape(List.of(based, sound), Set.of()));
        comparison.assertAgreement();
        assertTrue(comparison.hasDiagnostic("entry1", DiagnosticCode.INVALID_ARCHIVE,
                d -> JAVA_BASE.equals(d.details().get("module"))), comparison::describe);
        assertTrue(comparison.verdict("entry2").sound(), comparison::describe);
    }

    @Example
    void aPluginRequiredStaticIsAParentWhenSoundAndItsTransitiveLibraryIsReadThroughIt() {
        EntryShape base = entry("entry1", plugin("p1", requires("lib.a", true)), library("lib.a", "1.0"));
        EntryShape user = entry("entry2", plugin("p2", requiresStatic("p1")));
        EntryShape clash = entry("entry3", plugin("p3", requiresStatic("p1"), requires("lib.a", false)),
                library("lib.a", "2.0"));
        EntryShape alone = entry("entry4", plugin("p4", requiresStatic("p9"), requiresStatic("gone.x")));
        VerdictComparison comparison = VerdictComparison.of(
                new RootShape(List.of(base, user, clash, alone), Set.of()));
        comparison.assertAgreement();
        assertEquals(List.of("p1"), comparison.verdict("entry2").parents(), comparison::describe);
        assertEquals(List.of("p1"), comparison.verdict("entry2").optionalParents(), comparison::describe);
        assertTrue(comparison.verdict("entry2").sound(), comparison::describe);
        // p3 reads lib.a 1.0 through p1's requires transitive, and its own lib.a 2.0
        assertTrue(comparison.hasDiagnostic("entry3", DiagnosticCode.VERSION_CONFLICT,
                d -> "lib.a".equals(d.details().get("module"))), comparison::describe);
        assertTrue(comparison.verdict("entry4").sound(), comparison::describe);
        assertEquals(List.of(), comparison.verdict("entry4").diagnostics(), comparison::describe);
    }

    @Example
    void aPluginRequiredStaticThatIsRejectedIsDoneWithoutAndNamedNowhere() {
        EntryShape broken = entry("entry1", plugin("p1", requires("gone.x", false)));
        EntryShape user = entry("entry2", plugin("p2", requiresStatic("p1")));
        VerdictComparison comparison = VerdictComparison.of(new RootShape(List.of(broken, user), Set.of()));
        comparison.assertAgreement();
        assertTrue(comparison.verdict("entry2").sound(), comparison::describe);
        assertEquals(List.of(), comparison.verdict("entry2").parents(), comparison::describe);
        assertEquals(List.of(), comparison.verdict("entry2").diagnostics(), comparison::describe);
    }

    @Example
    void aStaticEdgeOnACycleOfPluginsIsIgnoredAndTheRequiredEdgesStay() {
        EntryShape first = entry("entry1", plugin("p1", requiresStatic("p2")));
        EntryShape second = entry("entry2", plugin("p2", requires("p1", false)));
        EntryShape third = entry("entry3", plugin("p3", requiresStatic("p4")));
        EntryShape fourth = entry("entry4", plugin("p4", requiresStatic("p3")));
        VerdictComparison comparison = VerdictComparison.of(
                new RootShape(List.of(first, second, third, fourth), Set.of()));
        comparison.assertAgreement();
        assertEquals(List.of(), comparison.verdict("entry1").parents(), comparison::describe);
        assertEquals(List.of("p1"), comparison.verdict("entry2").parents(), comparison::describe);
        assertEquals(List.of(), comparison.verdict("entry3").parents(), comparison::describe);
        assertEquals(List.of(), comparison.verdict("entry4").parents(), comparison::describe);
        for (String source : List.of("entry1", "entry2", "entry3", "entry4")) {
            assertTrue(comparison.verdict(source).sound(), comparison::describe);
        }
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

    private static RequiresShape requiresStatic(String module) {
        return new RequiresShape(module, false, true, Optional.empty());
    }

    private static RequiresShape requires(String module, boolean transitive) {
        return new RequiresShape(module, transitive, false, Optional.empty());
    }
}
