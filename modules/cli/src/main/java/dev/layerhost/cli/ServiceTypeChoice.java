package dev.layerhost.cli;

import dev.layerhost.core.PluginReport;

import java.util.List;
import java.util.Optional;

/**
 * The service type {@code list --service TYPE} names: a binary name among the API's service types, or a
 * simple name that exactly one of them has. Anything else is a usage error whose one line names what was
 * given and lists the service types there are.
 */
final class ServiceTypeChoice {

    private ServiceTypeChoice() {
    }

    /**
     * The binary name {@code given} names among {@code known} (binary names), or empty with the reason in
     * {@code problem}.
     */
    static Result choose(String given, List<String> known) {
        if (known.contains(given)) {
            return new Result(Optional.of(given), "");
        }
        List<String> bySimpleName = known.stream().filter(type -> PluginReport.simpleName(type).equals(given)).toList();
        if (bySimpleName.size() == 1) {
            return new Result(Optional.of(bySimpleName.get(0)), "");
        }
        if (bySimpleName.size() > 1) {
            return new Result(Optional.empty(), "service type '" + given + "' is ambiguous: "
                    + String.join(", ", bySimpleName) + "; name one of them by its binary name");
        }
        return new Result(Optional.empty(), "unknown service type '" + given + "'; the service types are: "
                + (known.isEmpty() ? "(none)" : String.join(", ", known)));
    }

    /** What {@link #choose} found: the binary name, or why there is none. */
    record Result(Optional<String> type, String problem) {
    }
}
