package dev.layerhost.core.internal.trust;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VerifiedJarsTest {

    private static final JarSignature UNSIGNED = new JarSignature.Unsigned();

    @Test
    void keepsAtMostItsCapacityDroppingTheLeastRecentlyUsedFirst() {
        VerifiedJars verified = new VerifiedJars(2);
        verified.keep("a", false, UNSIGNED);
        verified.keep("b", false, new JarSignature.Invalid("entry x is not covered by any signature"));
        verified.find("a", false);
        verified.keep("c", false, new JarSignature.Damaged("entry y does not match its CRC-32"));

        assertEquals(2, verified.size());
        assertEquals(Optional.of(UNSIGNED), verified.find("a", false));
        assertEquals(Optional.empty(), verified.find("b", false));
        assertEquals(Optional.of(new JarSignature.Damaged("entry y does not match its CRC-32")), verified.find("c", false));
    }

    @Test
    void keepsNoVerdictOfAFileThatCouldNotBeRead() {
        VerifiedJars verified = new VerifiedJars(4);
        verified.keep("a", true, new JarSignature.Unreadable("IOException: Input/output error"));

        assertEquals(Optional.empty(), verified.find("a", true));
        assertEquals(0, verified.size());
    }

    /** Under require an unsigned jar's entries are not read: that says nothing of whether they are intact. */
    @Test
    void aVerdictFoundWithoutReadingTheEntriesDoesNotAnswerForOneThatReadsThem() {
        VerifiedJars verified = new VerifiedJars(4);
        verified.keep("a", false, UNSIGNED);

        assertEquals(Optional.empty(), verified.find("a", true));
        assertEquals(Optional.of(UNSIGNED), verified.find("a", false));
    }
}
