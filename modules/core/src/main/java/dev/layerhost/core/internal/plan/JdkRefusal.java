package dev.layerhost.core.internal.plan;

import dev.layerhost.core.Diagnostic;
import dev.layerhost.core.DiagnosticCode;
import dev.layerhost.core.Severity;

import java.util.Map;
import java.util.Optional;

/**
 * Turns a refusal by the JDK ({@code ResolutionException}, {@code FindException},
 * {@code LayerInstantiationException}) of a plugin the checker found sound into a diagnostic. The
 * checker mirrors the JDK's rules, so this should not happen; when it does, the plugin is still
 * rejected cleanly and the JDK's own words are kept in {@code details.jdkMessage}.
 */
public final class JdkRefusal {

    private JdkRefusal() {
    }

    public static Diagnostic toDiagnostic(String source, String plugin, RuntimeException refusal) {
        String message = String.valueOf(refusal.getMessage()).replace('\n', ' ');
        DiagnosticCode code = codeFor(message);
        return new Diagnostic(code, Severity.ERROR, Optional.of(plugin), source,
                "the JDK refused the layer of plugin " + plugin + ": " + message,
                "run 'layerhost doctor' and fix the modules named in the message",
                Map.of("plugin", plugin, "jdkMessage", message));
    }

    private static DiagnosticCode codeFor(String message) {
        if (message.contains("not found")) {
            return DiagnosticCode.MISSING_DEPENDENCY;
        }
        if (message.contains("does not read a module that exports")) {
            return DiagnosticCode.MISSING_DEPENDENCY;
        }
        if (message.contains("module named")) {
            return DiagnosticCode.VERSION_CONFLICT;
        }
        if (message.contains("Cycle detected")) {
            return DiagnosticCode.DEPENDENCY_CYCLE;
        }
        if (message.contains("package")) {
            return DiagnosticCode.SPLIT_PACKAGE;
        }
        return DiagnosticCode.INVALID_ARCHIVE;
    }
}
