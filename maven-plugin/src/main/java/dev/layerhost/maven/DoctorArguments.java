package dev.layerhost.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The command line of {@code layerhost doctor} that checks a candidate against a root: what the mojo's
 * parameters say, as the options the command documents (docs/cli.md).
 *
 * @param root          the reference plugin root (an empty folder when the project names none)
 * @param apiJars       one {@code --api} per jar or folder
 * @param candidate     the candidate folder: the project's jar and its private libraries
 * @param signatures    {@code off}, {@code warn} or {@code require}
 * @param trustStore    the trust store of {@code --trust-store}, if any
 * @param deniedModules one {@code --deny-module} each
 * @param allowedServices one {@code --allow-service} each
 */
record DoctorArguments(Path root, List<Path> apiJars, Path candidate, String signatures, Optional<Path> trustStore,
                       List<String> deniedModules, List<String> allowedServices) {

    DoctorArguments {
        Objects.requireNonNull(root, "root");
        apiJars = List.copyOf(apiJars);
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(signatures, "signatures");
        Objects.requireNonNull(trustStore, "trustStore");
        deniedModules = List.copyOf(deniedModules);
        allowedServices = List.copyOf(allowedServices);
    }

    /** The arguments for the text report (what the console shows). */
    String[] text() {
        return arguments(false).toArray(String[]::new);
    }

    /** The arguments for the JSON report (the report file). */
    String[] json() {
        return arguments(true).toArray(String[]::new);
    }

    private List<String> arguments(boolean json) {
        // The host's API as the project names it, and nothing else: the command's built-in layerhost.api
        // would otherwise join it (a host whose API is another would see an API module it does not have).
        List<String> arguments = new ArrayList<>(List.of("doctor", "--plugins", root.toString(), "--no-builtin-api"));
        for (Path jar : apiJars) {
            arguments.add("--api");
            arguments.add(jar.toString());
        }
        arguments.add("--candidate");
        arguments.add(candidate.toString());
        // The command's own default: left out, so that an unknown mode still reads as the command says it.
        if (!signatures.equalsIgnoreCase("off")) {
            arguments.add("--signatures");
            arguments.add(signatures);
        }
        trustStore.ifPresent(store -> {
            arguments.add("--trust-store");
            arguments.add(store.toString());
        });
        for (String module : deniedModules) {
            arguments.add("--deny-module");
            arguments.add(module);
        }
        for (String service : allowedServices) {
            arguments.add("--allow-service");
            arguments.add(service);
        }
        if (json) {
            arguments.add("--json");
        }
        return arguments;
    }
}
