package dev.layerhost.core.internal.check;

import dev.layerhost.core.internal.check.ConflictKey.IneffectiveExportKey;
import dev.layerhost.core.internal.check.ConflictKey.LoaderSplitPackageKey;
import dev.layerhost.core.internal.check.ConflictKey.LoaderTwoVersionsKey;
import dev.layerhost.core.internal.check.ConflictKey.ShadowedApiKey;
import dev.layerhost.core.internal.check.ConflictKey.SplitPackageKey;
import dev.layerhost.core.internal.check.ConflictKey.TwoVersionsKey;
import dev.layerhost.core.internal.check.ConflictKey.UnreadTypeKey;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The order of conflict keys, which is the order diagnostics come out in: it must never change. */
class ConflictKeyTest {

    @Test
    void readConflictsSortShadowedApiThenIneffectiveExportThenUnreadTypeThenSplitPackageThenTwoVersions() {
        List<ConflictKey> expected = List.of(
                new ShadowedApiKey("z.lib"),
                new IneffectiveExportKey("a.lib", "a.pkg"),
                new UnreadTypeKey("a.lib", "a.pkg"),
                new SplitPackageKey("a.pkg", List.of("a.lib", "b.lib")),
                new TwoVersionsKey("a.lib", "b.lib"));
        assertEquals(expected, sorted(expected));
    }

    @Test
    void namesSortWithTheSeparatorThatFollowedThemWhenKeysWereStrings() {
        // ':' followed a name, and sorts after '$', '.' and the digits; in a list ',' followed it, between '$' and '.'
        List<ConflictKey> expected = List.of(
                new TwoVersionsKey("lib$x", "m"),
                new TwoVersionsKey("lib.x", "m"),
                new TwoVersionsKey("lib2", "m"),
                new TwoVersionsKey("lib", "m"));
        assertEquals(expected, sorted(expected));

        List<ConflictKey> splits = List.of(
                new SplitPackageKey("shared", List.of("lib$x", "z")),
                new SplitPackageKey("shared", List.of("lib", "z")),
                new SplitPackageKey("shared", List.of("lib.x", "z")));
        assertEquals(splits, sorted(splits));
    }

    @Test
    void loaderVersionKeysSortAmongThePackageNamesOfLoaderSplitKeys() {
        List<ConflictKey> expected = List.of(
                new LoaderSplitPackageKey("Acme.util", List.of("a", "b")),
                new LoaderTwoVersionsKey("lib.a"),
                new LoaderSplitPackageKey("shared.a", List.of("a", "b")));
        assertEquals(expected, sorted(expected));
    }

    @Test
    void keysAreEqualByWhatTheyAreAbout() {
        assertEquals(new SplitPackageKey("p", List.of("a", "b")), new SplitPackageKey("p", List.of("a", "b")));
        assertNotEquals(new SplitPackageKey("p", List.of("a", "b")), new LoaderSplitPackageKey("p", List.of("a", "b")));
        assertNotEquals(new IneffectiveExportKey("m", "p"), new UnreadTypeKey("m", "p"));
    }

    /** {@code keys} in their natural order, sorted from the reverse of the order given. */
    private static List<ConflictKey> sorted(List<ConflictKey> keys) {
        List<ConflictKey> reversed = new ArrayList<>(keys);
        Collections.reverse(reversed);
        Collections.sort(reversed);
        return reversed;
    }
}
