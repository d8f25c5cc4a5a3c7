package dev.layerhost.cli;

import dev.layerhost.core.PluginHost;
import dev.layerhost.core.Policy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import picocli.CommandLine.Option;

/** The options every verb shares, and the host they describe. */
final class HostOptions {

    @Option(names = "--plugins", required = true, paramLabel = "DIR",
            description = "The plugin root: each .jar and each folder of jars in it is a plugin candidate.")
    Path pluginRoot;

    @Option(names = "--api", paramLabel = "PATH",
            description = "A jar, or a folder of jars, whose modules join the API layer (repeatable).")
    List<Path> apiPaths = new ArrayList<>();

    @Option(names = "--deny-module", paramLabel = "NAME",
            description = "A module no plugin may require or bundle (repeatable); such a plugin is rejected"
                    + " with FORBIDDEN_MODULE.")
    List<String> deniedModules = new ArrayList<>();

    @Option(names = "--json", description = "Print one JSON object on stdout instead of text.")
    boolean json;

    PluginHost.Builder builder() {
        PluginHost.Builder builder = PluginHost.builder()
                .pluginRoot(pluginRoot)
                .policy(Policy.denying(Set.copyOf(deniedModules)));
        apiPaths.forEach(builder::apiPath);
        return builder;
    }
}
