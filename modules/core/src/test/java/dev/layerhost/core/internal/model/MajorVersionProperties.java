package dev.layerhost.core.internal.model;


import java.lang.module.ModuleDescriptor.Version;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The major of a version, as the compiled-version rule compares it, agrees with the JDK's own versions. */
class MajorVersionProperties {

    @Property
    void twoVersionsWithNumericMajorsTheJdkCallsEqualHaveOneMajor(@ForAll @IntRange(max = 10_000) int major,
                                                                   @ForAll @IntRange(max = 3) int zeros,
                                                                   @ForAll @IntRange(max = 99) int minor) {
        String padded = "0".repeat(zeros) + major + "." + minor;
        String plain = major + "." + minor;

        assertEquals(0, Version.parse(padded).compareTo(Version.parse(plain)));
        assertEquals(MajorVersion.of(plain), MajorVersion.of(padded));
        assertEquals(String.valueOf(major), MajorVersion.of(padded));
    }

    @Example
    void majorIsWhatPrecedesTheFirstSeparator() {
        assertEquals("2", MajorVersion.of("2.3.1-beta"));
        assertEquals("1", MajorVersion.of("1-rc1"));
        assertEquals("0", MajorVersion.of("00.9"));
        assertEquals("1", MajorVersion.of("1+build.7"));
        assertEquals("v2", MajorVersion.of("v2.0"));
    }
}
