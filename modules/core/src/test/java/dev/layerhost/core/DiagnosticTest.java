package dev.layerhost.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A diagnostic is data that cannot contradict itself. */
class DiagnosticTest {

    private static Diagnostic missing(Optional<String> plugin, Severity severity, Map<String, Object> details) {
        return new Diagnostic(DiagnosticCode.MISSING_DEPENDENCY, severity, plugin, "alpha.jar",
                "module lib.x not found, required by p.alpha", "add lib.x", details);
    }

    @Test
    void detailsNamingAnotherPluginThanTheDiagnosticAreRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> missing(Optional.of("p.alpha"), Severity.ERROR, Map.of("plugin", "p.beta")));
        assertTrue(refused.getMessage().contains("p.beta"), refused.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> missing(Optional.empty(), Severity.ERROR, Map.of("plugin", "p.alpha")));
    }

    @Test
    void aSeverityTheCodeNeverHasIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> missing(Optional.of("p.alpha"), Severity.WARNING, Map.of()));
        assertTrue(DiagnosticCode.UNSIGNED.allows(Severity.WARNING) && DiagnosticCode.UNSIGNED.allows(Severity.ERROR));
        assertTrue(DiagnosticCode.CLOSE_FAILED.allows(Severity.WARNING));
    }

    @Test
    void detailsAreStringsOrListsOfStringsAndCannotBeChangedAfterwards() {
        assertThrows(IllegalArgumentException.class,
                () -> missing(Optional.of("p.alpha"), Severity.ERROR, Map.of("count", 3)));
        List<String> modules = new ArrayList<>(List.of("lib.x"));
        Diagnostic diagnostic = missing(Optional.of("p.alpha"), Severity.ERROR,
                Map.of("plugin", "p.alpha", "modules", modules));
        modules.add("lib.y");
        assertEquals(List.of("lib.x"), diagnostic.details().get("modules"));
        assertThrows(UnsupportedOperationException.class, () -> diagnostic.details().put("module", "lib.z"));
    }

    @Test
    void aBlankMessageIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Diagnostic(DiagnosticCode.NO_PROVIDER,
                Severity.ERROR, Optional.empty(), "alpha.jar", " ", "add a provides clause", Map.of()));
    }
}
