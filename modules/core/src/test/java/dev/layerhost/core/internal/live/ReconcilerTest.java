package dev.layerhost.core.internal.live;

import dev.layerhost.core.internal.live.Reconciler.Step;
import dev.layerhost.core.internal.live.Reconciler.Target;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reconciler's decisions, from verdicts and what is live alone: no jar, no layer. */
class ReconcilerTest {

    private static final Target CSV = new Target("csv", true, List.of());
    private static final Target WAREHOUSE = new Target("warehouse", true, List.of("p.csv"));
    private static final Target SOLO = new Target("solo.jar", true, List.of());
    /** The plugin the targets name as a parent, serving. */
    private static final Set<String> SERVING = Set.of("p.csv");

    @Test
    void aChangedEntryIsBuiltAndItsDependentsOnlyIfItWasRebuilt() {
        List<Step> steps = Reconciler.steps(List.of(CSV, WAREHOUSE, SOLO), Set.of("csv"),
                Set.of("csv", "warehouse", "solo.jar"), builtAsTargeted(CSV, WAREHOUSE, SOLO), SERVING);

        assertEquals(List.of("csv", "warehouse"), steps.stream().map(Step::source).toList(),
                "solo.jar did not change and requires nothing");
        assertTrue(steps.get(0).due(Set.of()));
        assertFalse(steps.get(1).due(Set.of()), "a dependent waits for its parent's rebuild");
        assertTrue(steps.get(1).due(Set.of("p.csv")));
    }

    @Test
    void anUntouchedEntryThatBecameSoundIsBuiltAsAFreshLoadWouldBuildIt() {
        // warehouse was rejected (its parent was missing); now csv arrived and warehouse is sound.
        List<Step> steps = Reconciler.steps(List.of(CSV, WAREHOUSE), Set.of("csv"), Set.of(), Map.of(), Set.of());

        assertTrue(steps.get(1).due(Set.of()), "warehouse is built even if csv fails: it is newly sound");
    }

    @Test
    void aSoundEntryThatIsAlreadyLiveIsNotBuiltAgainWithoutAChange() {
        assertEquals(List.of(), Reconciler.steps(List.of(CSV, SOLO), Set.of(), Set.of(), builtAsTargeted(CSV, SOLO),
                SERVING));
    }

    @Test
    void anUnsoundChangedEntryIsAStepSoThatItsRejectionIsAnnounced() {
        Target broken = new Target("broken.jar", false, List.of());
        List<Step> steps = Reconciler.steps(List.of(broken), Set.of("broken.jar"), Set.of(), Map.of(), Set.of());
        assertEquals(List.of("broken.jar"), steps.stream().map(Step::source).toList());
    }

    @Test
    void aLivePluginWhoseOptionalParentWentOrCameIsBuiltAgainOnItsParentsOfNow() {
        // warehouse was built on p.csv, which it only requires static; p.csv was removed
        Target withoutCsv = new Target("warehouse", true, List.of());
        List<Step> steps = Reconciler.steps(List.of(withoutCsv), Set.of(), Set.of("csv", "warehouse"),
                Map.of("warehouse", builtOn("p.csv")), Set.of("p.warehouse"));
        assertEquals(List.of("warehouse"), steps.stream().map(Step::source).toList());
        assertTrue(steps.get(0).due(Set.of()), "built whatever its parents do: its old parent no longer serves");

        // p.csv arrived: warehouse, built without it, is built again once p.csv was built
        List<Step> arrived = Reconciler.steps(List.of(CSV, WAREHOUSE), Set.of("csv"), Set.of("warehouse"),
                Map.of("warehouse", builtOn()), Set.of("p.warehouse"));
        assertEquals(List.of("csv", "warehouse"), arrived.stream().map(Step::source).toList());
        assertTrue(arrived.get(1).due(Set.of()));
    }

    @Test
    void aLivePluginStaysOnItsOptionalParentWhoseNewFilesWereRejectedWhileItsOldVersionServes() {
        // p.csv's new files were rejected: warehouse's verdict does without it, but the old p.csv serves
        Target withoutCsv = new Target("warehouse", true, List.of());
        assertEquals(List.of(), Reconciler.steps(List.of(new Target("csv", false, List.of()), withoutCsv), Set.of(),
                Set.of("warehouse"), Map.of("csv", builtOn(), "warehouse", builtOn("p.csv")),
                Set.of("p.csv", "p.warehouse")));

        // built without p.csv because its build failed (so built for it): not built again until p.csv is
        List<Step> steps = Reconciler.steps(List.of(CSV, WAREHOUSE), Set.of(), Set.of("csv", "warehouse"),
                Map.of("warehouse", new Reconciler.Built(List.of(), List.of("p.csv"))), Set.of("p.warehouse"));
        assertEquals(List.of("warehouse"), steps.stream().map(Step::source).toList());
        assertFalse(steps.get(0).due(Set.of()));
        assertTrue(steps.get(0).due(Set.of("p.csv")));
    }

    @Test
    void unloadingAPluginUnloadsEveryPluginThatRequiresItChildrenFirst() {
        Map<String, List<String>> live = new LinkedHashMap<>();
        live.put("p.base", List.of());
        live.put("p.mid", List.of("p.base"));
        live.put("p.top", List.of("p.mid"));
        live.put("p.side", List.of("p.base"));
        live.put("p.other", List.of());

        assertEquals(List.of("p.top", "p.mid", "p.side", "p.base"), Reconciler.unloadOrder(live, List.of("p.base")));
        assertEquals(List.of("p.top"), Reconciler.unloadOrder(live, List.of("p.top")));
        assertEquals(List.of(), Reconciler.unloadOrder(live, List.of("p.gone")));
    }

    @Test
    void aChainOfThousandsIsUnloadedWithoutOverflowingTheStack() {
        Map<String, List<String>> live = new LinkedHashMap<>();
        live.put("p0", List.of());
        IntStream.range(1, 5_000).forEach(i -> live.put("p" + i, List.of("p" + (i - 1))));

        List<String> order = Reconciler.unloadOrder(live, List.of("p0"));

        assertEquals(5_000, order.size());
        assertEquals("p4999", order.get(0));
        assertEquals("p0", order.get(4_999));
    }

    /** What is live: a plugin from each of {@code targets}, built on the parents its target names. */
    private static Map<String, Reconciler.Built> builtAsTargeted(Target... targets) {
        Map<String, Reconciler.Built> live = new LinkedHashMap<>();
        for (Target target : targets) {
            live.put(target.source(), new Reconciler.Built(target.parents(), target.parents()));
        }
        return live;
    }

    /** A live plugin built on {@code parents}, as its verdict named them. */
    private static Reconciler.Built builtOn(String... parents) {
        return new Reconciler.Built(List.of(parents), List.of(parents));
    }
}
