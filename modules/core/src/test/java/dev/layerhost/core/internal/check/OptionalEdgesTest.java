package dev.layerhost.core.internal.check;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which {@code requires static} edges between plugins may become parent edges: those on no cycle. */
class OptionalEdgesTest {

    @Test
    void anOptionalEdgeClosingACycleWithARequiredEdgeIsGivenUp() {
        OptionalEdges edges = OptionalEdges.of(Map.of("b", Set.of("a")), Map.of("a", Set.of("b")));

        assertFalse(edges.kept("a", "b"));
    }

    @Test
    void twoPluginsRequiringEachOtherStaticGiveUpBothEdges() {
        OptionalEdges edges = OptionalEdges.of(Map.of(), Map.of("c", Set.of("d"), "d", Set.of("c")));

        assertFalse(edges.kept("c", "d"));
        assertFalse(edges.kept("d", "c"));
    }

    @Test
    void everyOptionalEdgeOfALongerCycleIsGivenUpAndTheEdgesBesideItAreKept() {
        // a -static-> b -> c -static-> a, and d -static-> a beside the cycle
        OptionalEdges edges = OptionalEdges.of(Map.of("b", Set.of("c")),
                Map.of("a", Set.of("b"), "c", Set.of("a"), "d", Set.of("a")));

        assertFalse(edges.kept("a", "b"));
        assertFalse(edges.kept("c", "a"));
        assertTrue(edges.kept("d", "a"));
    }

    @Test
    void anOptionalEdgeOnNoCycleIsKept() {
        OptionalEdges edges = OptionalEdges.of(Map.of("f", Set.of("g")), Map.of("e", Set.of("f", "absent")));

        assertTrue(edges.kept("e", "f"));
        assertTrue(edges.kept("e", "absent"));
    }
}
