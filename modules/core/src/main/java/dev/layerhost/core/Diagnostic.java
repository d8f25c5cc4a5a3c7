package dev.layerhost.core;

import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One problem found in a plugin root: an expected failure, reported as data rather than thrown.
 *
 * <p>The host derives the message and the hint from the names it puts in {@link #details()}, so a caller
 * never has to parse text: everything the message says is also in the details (values are strings or
 * lists of strings), for example {@code {"package": "shared.util", "modules": ["lib.x", "p.delta"]}}.
 * The constructor refuses a diagnostic that contradicts itself: a {@code details.plugin} other than
 * {@link #plugin()}, a severity its code never has, a blank message, or a detail that is not a string or
 * a list of strings.
 *
 * @param code     what kind of problem
 * @param severity whether it rejects the plugin
 * @param plugin   the id of the plugin it concerns, empty when the entry has no plugin module
 * @param source   the name of the entry in the plugin root
 * @param message  one line saying what is wrong, naming modules, packages, files and versions
 * @param hint     one line saying how to fix it
 * @param details  the names the message is made of, keyed by role; immutable
 */
public record Diagnostic(DiagnosticCode code, Severity severity, Optional<String> plugin, String source,
                         String message, String hint, Map<String, Object> details) {

    /** The order of {@link Report#diagnostics()}: by source, then code, then plugin, then message. */
    public static final Comparator<Diagnostic> ORDER = Comparator.comparing(Diagnostic::source)
            .thenComparing(Diagnostic::code)
            .thenComparing(d -> d.plugin().orElse(""))
            .thenComparing(Diagnostic::message);

    /**
     * Checks that the diagnostic does not contradict itself, and copies the details.
     *
     * @param code     what kind of problem
     * @param severity whether it rejects the plugin
     * @param plugin   the id of the plugin it concerns, or empty
     * @param source   the name of the entry in the plugin root
     * @param message  one line saying what is wrong
     * @param hint     one line saying how to fix it
     * @param details  the names the message is made of, keyed by role
     * @throws IllegalArgumentException if the message is blank, the code never has this severity, a detail
     *                                  is not a string or a list of strings, or {@code details.plugin} is
     *                                  not {@code plugin}
     */
    public Diagnostic {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(hint, "hint");
        if (message.isBlank()) {
            throw new IllegalArgumentException("a diagnostic needs a message");
        }
        if (!code.allows(severity)) {
            throw new IllegalArgumentException(code + " is never a " + severity);
        }
        // in the order the checks give, which is the order a person reads them in, every run
        Map<String, Object> copy = new LinkedHashMap<>();
        details.forEach((key, value) -> copy.put(Objects.requireNonNull(key, "detail name"), detailValue(key, value)));
        Object namedPlugin = copy.get("plugin");
        if (namedPlugin != null && !Optional.of(namedPlugin).equals(plugin)) {
            throw new IllegalArgumentException("details.plugin " + namedPlugin + " contradicts plugin " + plugin);
        }
        details = Collections.unmodifiableMap(copy);
    }

    private static Object detailValue(String key, Object value) {
        if (value instanceof String) {
            return value;
        }
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return List.copyOf(list);
        }
        throw new IllegalArgumentException("detail " + key + " must be a string or a list of strings: " + value);
    }

    /**
     * Whether this diagnostic rejects the plugin it names.
     *
     * @return whether its severity is {@link Severity#ERROR}
     */
    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
