package dev.layerhost.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class CheckReportTest {

    private static final String SHOWN = "target/layerhost/check.json";

    @Test
    void aSoundCandidateNeitherFailsNorWarns() throws IOException {
        CheckReport report = CheckReport.parse("""
                {"plugins": [{"id": "p.a", "version": "1.0.0", "status": "OK", "source": "p-a", "candidate": true},
                             {"id": "p.b", "version": "1.0.0", "status": "OK", "source": "b.jar"}],
                 "diagnostics": [], "changes": []}
                """);
        assertEquals(Optional.empty(), report.failure(SHOWN));
        assertEquals(Optional.empty(), report.warnings(SHOWN));
    }

    @Test
    void aRejectedCandidateIsNamedWithItsErrorCodes() throws IOException {
        CheckReport report = CheckReport.parse("""
                {"plugins": [{"id": "p.a", "version": "1.0.0", "status": "REJECTED", "source": "p-a", "candidate": true},
                             {"id": "p.b", "version": "1.0.0", "status": "REJECTED", "source": "b.jar"}],
                 "diagnostics": [
                   {"code": "AUTOMATIC_MODULE", "severity": "WARNING", "plugin": "p.a", "source": "p-a"},
                   {"code": "SPLIT_PACKAGE", "severity": "ERROR", "plugin": "p.a", "source": "p-a"},
                   {"code": "SPLIT_PACKAGE", "severity": "ERROR", "plugin": "p.a", "source": "p-a"},
                   {"code": "MISSING_DEPENDENCY", "severity": "ERROR", "plugin": "p.b", "source": "b.jar"}],
                 "changes": []}
                """);
        assertEquals(Optional.of("layerhost: p.a 1.0.0 is REJECTED (SPLIT_PACKAGE); see " + SHOWN),
                report.failure(SHOWN));
        assertEquals(Optional.of("layerhost: warnings (failOnWarning is set): p.a 1.0.0 (AUTOMATIC_MODULE); see "
                + SHOWN), report.warnings(SHOWN));
    }

    @Test
    void aPluginOfTheRootThatTheCandidateBreaksIsNamedWithItsCodes() throws IOException {
        CheckReport report = CheckReport.parse("""
                {"plugins": [{"id": "p.base", "version": "2.0.0", "status": "OK", "source": "p-base", "candidate": true}],
                 "diagnostics": [],
                 "changes": [{"plugin": "p.dep", "source": "p-dep.jar", "before": "OK", "after": "REJECTED",
                              "diagnostics": [{"code": "VERSION_CONFLICT", "severity": "ERROR"}]},
                             {"plugin": "p.other", "source": "p-other.jar", "before": "REJECTED", "after": "OK",
                              "diagnostics": []}]}
                """);
        assertEquals(Optional.of("layerhost: p.base 2.0.0 would break 1 plugin of the reference root:"
                + " p.dep (VERSION_CONFLICT); see " + SHOWN), report.failure(SHOWN));
    }

    @Test
    void notJsonIsAnIoError() {
        assertThrows(IOException.class, () -> CheckReport.parse("layerhost: oops"));
    }
}
