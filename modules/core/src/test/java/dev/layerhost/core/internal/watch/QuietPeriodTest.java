package dev.layerhost.core.internal.watch;

import dev.layerhost.core.internal.scan.EntryFingerprint;
import dev.layerhost.core.internal.scan.EntryFingerprint.FileStamp;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The watcher's timing rules on made-up passes: no file and no clock, each pass at an {@link Instant}
 * the test picks, so the quiet period's edges are exact and the test takes no time.
 */
class QuietPeriodTest {

    private static final Duration QUIET = Duration.ofSeconds(1);
    private static final Instant START = Instant.parse("2024-05-01T12:00:00Z");
    private static final Predicate<String> COMPLETE = source -> true;
    private static final Predicate<String> INCOMPLETE = source -> false;

    /** The last copy of alpha.jar, and alpha.jar rewritten since. */
    private static final Map<String, EntryFingerprint> TAKEN = Map.of("alpha.jar", version(1));
    private static final Map<String, Optional<EntryFingerprint>> REWRITTEN = present("alpha.jar", version(2));

    private final QuietPeriod quietPeriod = new QuietPeriod(QUIET);

    @Test
    void changeIsReadyOnlyOnceItHasStayedStillForTheQuietPeriod() {
        assertNothingReady(passRewritten(0, COMPLETE));
        assertNothingReady(passRewritten(999, COMPLETE));
        assertReady(Set.of("alpha.jar"), Set.of(), passRewritten(1000, COMPLETE));
        // its copy taken, the entry is like its last copy again
        assertNothingReady(pass(at(5000), REWRITTEN, Map.of("alpha.jar", version(2)), Set.of(), COMPLETE));
    }

    @Test
    void fingerprintThatKeepsChangingRestartsTheQuietPeriod() {
        Map<String, EntryFingerprint> lastTaken = Map.of("alpha.jar", version(1));

        assertNothingReady(pass(at(0), present("alpha.jar", version(2)), lastTaken, Set.of(), COMPLETE));
        assertNothingReady(pass(at(600), present("alpha.jar", version(3)), lastTaken, Set.of(), COMPLETE));
        assertNothingReady(pass(at(1200), present("alpha.jar", version(3)), lastTaken, Set.of(), COMPLETE));
        assertNothingReady(pass(at(1599), present("alpha.jar", version(3)), lastTaken, Set.of(), COMPLETE));
        assertReady(Set.of("alpha.jar"), Set.of(),
                pass(at(1600), present("alpha.jar", version(3)), lastTaken, Set.of(), COMPLETE));
    }

    @Test
    void jarThatDoesNotEndLikeAZipWaitsTenQuietPeriods() {
        assertNothingReady(passRewritten(0, INCOMPLETE));
        assertNothingReady(passRewritten(1000, INCOMPLETE));
        assertNothingReady(passRewritten(9999, INCOMPLETE));
        assertReady(Set.of("alpha.jar"), Set.of(), passRewritten(10_000, INCOMPLETE));
    }

    @Test
    void jarThatComesToEndLikeAZipIsReadyAsSoonAsItHasStayedStillOneQuietPeriod() {
        assertNothingReady(passRewritten(0, INCOMPLETE));
        assertNothingReady(passRewritten(3000, INCOMPLETE));
        assertReady(Set.of("alpha.jar"), Set.of(), passRewritten(3050, COMPLETE));
    }

    @Test
    void zipTailsAreAskedForOnlyOfEntriesStillForAQuietPeriod() {
        List<String> asked = new ArrayList<>();
        Predicate<String> recording = source -> asked.add(source);

        passRewritten(0, recording);
        passRewritten(999, recording);
        assertEquals(List.of(), asked);
        passRewritten(1000, recording);
        assertEquals(List.of("alpha.jar"), asked);
    }

    @Test
    void reportedWriteWithAnUnchangedFingerprintIsReadyAndForced() {
        Map<String, EntryFingerprint> lastTaken = Map.of("alpha.jar", version(1), "beta.jar", version(1));
        Map<String, Optional<EntryFingerprint>> now = new HashMap<>(present("alpha.jar", version(1)));
        now.put("beta.jar", Optional.of(version(2)));

        assertNothingReady(pass(at(0), now, lastTaken, Set.of("alpha.jar"), COMPLETE));
        assertReady(Set.of("alpha.jar", "beta.jar"), Set.of("alpha.jar"),
                pass(at(1000), now, lastTaken, Set.of(), COMPLETE));
        // taken once: the report is used up
        Map<String, EntryFingerprint> taken = Map.of("alpha.jar", version(1), "beta.jar", version(2));
        assertNothingReady(pass(at(5000), now, taken, Set.of(), COMPLETE));
        assertNothingReady(pass(at(9000), now, taken, Set.of(), COMPLETE));
    }

    @Test
    void anotherReportedWriteRestartsTheQuietPeriod() {
        Map<String, EntryFingerprint> lastTaken = Map.of("alpha.jar", version(1));
        Map<String, Optional<EntryFingerprint>> now = present("alpha.jar", version(1));

        assertNothingReady(pass(at(0), now, lastTaken, Set.of("alpha.jar"), COMPLETE));
        assertNothingReady(pass(at(500), now, lastTaken, Set.of("alpha.jar"), COMPLETE));
        assertNothingReady(pass(at(1000), now, lastTaken, Set.of(), COMPLETE));
        assertReady(Set.of("alpha.jar"), Set.of("alpha.jar"), pass(at(1500), now, lastTaken, Set.of(), COMPLETE));
    }

    @Test
    void removedEntryIsReadyAfterTheQuietPeriod() {
        Map<String, EntryFingerprint> lastTaken = Map.of("alpha.jar", version(1));
        Predicate<String> noJarToRead = source -> fail("a removed entry has no jar to read: " + source);

        assertNothingReady(pass(at(0), Map.of(), lastTaken, Set.of("alpha.jar"), noJarToRead));
        assertNothingReady(pass(at(999), Map.of(), lastTaken, Set.of(), noJarToRead));
        assertReady(Set.of("alpha.jar"), Set.of(), pass(at(1000), Map.of(), lastTaken, Set.of(), noJarToRead));
    }

    @Test
    void burstOfChangesGivesOneReadyWithTheLastFingerprint() {
        Map<String, EntryFingerprint> lastTaken = new HashMap<>(Map.of("alpha.jar", version(1)));
        List<Long> readyAt = new ArrayList<>();
        // a pass every 50 ms for five seconds; versions 2 to 6 land 200 ms apart
        for (long millis = 0; millis <= 5000; millis += 50) {
            int version = (int) Math.min(6, 2 + millis / 200);
            Map<String, Optional<EntryFingerprint>> now = present("alpha.jar", version(version));
            QuietPeriod.Ready ready = pass(at(millis), now, lastTaken, Set.of(), COMPLETE);
            if (!ready.isEmpty()) {
                assertReady(Set.of("alpha.jar"), Set.of(), ready);
                readyAt.add(millis);
                lastTaken.put("alpha.jar", now.get("alpha.jar").orElseThrow());
            }
        }
        assertEquals(List.of(1800L), readyAt, "version 6 landed at 800 ms");
        assertEquals(version(6), lastTaken.get("alpha.jar"));
    }

    @Test
    void unchangedEntriesAreNeverReady() {
        Map<String, EntryFingerprint> lastTaken = Map.of("alpha.jar", version(1));
        for (long millis = 0; millis <= 20_000; millis += 1000) {
            assertNothingReady(pass(at(millis), present("alpha.jar", version(1)), lastTaken, Set.of(), INCOMPLETE));
        }
    }

    /** A pass {@code millis} after the start that sees alpha.jar rewritten since its last copy. */
    private QuietPeriod.Ready passRewritten(long millis, Predicate<String> endsLikeZips) {
        return pass(at(millis), REWRITTEN, TAKEN, Set.of(), endsLikeZips);
    }

    private QuietPeriod.Ready pass(Instant now, Map<String, Optional<EntryFingerprint>> fingerprints,
                                   Map<String, EntryFingerprint> lastTaken, Set<String> reported,
                                   Predicate<String> endsLikeZips) {
        return quietPeriod.observe(now, fingerprints, lastTaken, reported, endsLikeZips);
    }

    private static Instant at(long millis) {
        return START.plusMillis(millis);
    }

    /** One jar, as it is after its {@code n}th write. */
    private static EntryFingerprint version(int n) {
        return new EntryFingerprint(List.of(new FileStamp("alpha.jar", 1000L + n, n * 1_000_000_000L, "inode-7")));
    }

    private static Map<String, Optional<EntryFingerprint>> present(String source, EntryFingerprint fingerprint) {
        return Map.of(source, Optional.of(fingerprint));
    }

    private static void assertNothingReady(QuietPeriod.Ready ready) {
        assertTrue(ready.isEmpty(), () -> "nothing should be ready yet, got " + ready);
    }

    private static void assertReady(Set<String> sources, Set<String> forced, QuietPeriod.Ready ready) {
        assertEquals(sources, ready.sources(), "ready");
        assertEquals(forced, ready.forced(), "forced");
    }
}
