package dev.layerhost.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** Reads a {@link Report} by entry name and compares its diagnostics by value. */
final class ReportAssertions {

    private ReportAssertions() {
    }

    /** Every diagnostic of the entry {@code source}, in report order. */
    /** The ids of the plugins {@code host} serves now, parents first. */
    static List<String> liveIds(PluginHost host) {
        return host.live().stream().map(LivePlugin::id).toList();
    }

    static List<Diagnostic> diagnosticsOf(Report report, String source) {
        return report.diagnostics().stream().filter(d -> d.source().equals(source)).toList();
    }

    /** The diagnostics of {@code source} with {@code code}. */
    static List<Diagnostic> diagnosticsOf(Report report, String source, DiagnosticCode code) {
        return diagnosticsOf(report, source).stream().filter(d -> d.code() == code).toList();
    }

    /** The one diagnostic of {@code source}; fails, listing them, if it has none or several. */
    static Diagnostic onlyDiagnosticOf(Report report, String source) {
        List<Diagnostic> found = diagnosticsOf(report, source);
        assertEquals(1, found.size(), () -> "expected exactly one diagnostic for " + source + ", got " + found);
        return found.get(0);
    }

    /** The row of the entry {@code source}. */
    static PluginReport rowOf(Report report, String source) {
        return report.plugins().stream().filter(p -> p.source().equals(source)).findFirst()
                .orElseGet(() -> fail("no row for " + source + " in " + report.plugins()));
    }

    /** Every entry's status, by source. */
    static Map<String, PluginStatus> statuses(Report report) {
        Map<String, PluginStatus> statuses = new TreeMap<>();
        report.plugins().forEach(p -> statuses.put(p.source(), p.status()));
        return statuses;
    }

    /**
     * Asserts every field of {@code actual} but the message and hint; of its details, the keys of
     * {@code details} must hold exactly those values (other keys may be there too).
     *
     * @param plugin the expected plugin id, {@code null} for none
     */
    static void assertDiagnostic(Diagnostic actual, DiagnosticCode code, Severity severity, String plugin,
                                 String source, Map<String, Object> details) {
        Map<String, Object> actualDetails = new LinkedHashMap<>();
        details.keySet().forEach(key -> actualDetails.put(key, actual.details().get(key)));
        assertAll("diagnostic " + actual,
                () -> assertEquals(code, actual.code(), "code"),
                () -> assertEquals(severity, actual.severity(), "severity"),
                () -> assertEquals(Optional.ofNullable(plugin), actual.plugin(), "plugin"),
                () -> assertEquals(source, actual.source(), "source"),
                () -> assertEquals(new LinkedHashMap<>(details), actualDetails, "details"));
    }

    /** {@link #assertDiagnostic} with severity {@code ERROR}. */
    static void assertError(Diagnostic actual, DiagnosticCode code, String plugin, String source,
                            Map<String, Object> details) {
        assertDiagnostic(actual, code, Severity.ERROR, plugin, source, details);
    }
}
