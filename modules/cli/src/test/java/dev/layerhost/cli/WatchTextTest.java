package dev.layerhost.cli;

import dev.layerhost.core.PluginHost;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lines {@code watch} prints for the events of a real host: a reload shows old -> new version, a
 * refused replacement of a live plugin says which version keeps serving; {@code --json} carries the
 * same as {@code previousVersion}.
 */
class WatchTextTest {

    @TempDir
    Path temp;

    @Test
    void reloadShowsOldAndNewVersionAndARefusalTheVersionThatKeepsServing() throws Exception {
        Path root = Files.createDirectories(temp.resolve("plugins"));
        Path staging = Files.createDirectories(temp.resolve("staging"));
        Plugins.sound(root.resolve("alpha.jar"), "p.alpha", "1.0.0");
        Plugins.sound(staging.resolve("alpha-2.jar"), "p.alpha", "2.0.0");
        Plugins.missingDependency(staging.resolve("alpha-3.jar"), "p.alpha", "3.0.0", "lib.absent");
        StringWriter text = new StringWriter();
        TextRenderer renderer = new TextRenderer(new PrintWriter(text, true));
        JsonRenderer json = new JsonRenderer();
        StringBuilder jsonLines = new StringBuilder();

        try (PluginHost host = hostOf(root)) {
            // What watch adds to the host: a listener printing each event.
            host.addListener(renderer::event);
            host.addListener(event -> jsonLines.append(json.eventLine(event)).append('\n'));
            host.load();
            Files.copy(staging.resolve("alpha-2.jar"), root.resolve("alpha.jar"), StandardCopyOption.REPLACE_EXISTING);
            host.reload("p.alpha");
            Files.copy(staging.resolve("alpha-3.jar"), root.resolve("alpha.jar"), StandardCopyOption.REPLACE_EXISTING);
            host.reload("p.alpha");
        }

        List<String> lines = text.toString().lines().toList();
        assertTrue(lines.get(0).endsWith(" LOADED p.alpha 1.0.0 [alpha.jar]"), text::toString);
        assertTrue(lines.get(1).endsWith(" RELOADED p.alpha 1.0.0 -> 2.0.0 [alpha.jar]"), text::toString);
        assertTrue(lines.get(2).endsWith(" REJECTED p.alpha 3.0.0 [alpha.jar]: old version 2.0.0 keeps serving"),
                text::toString);
        assertTrue(lines.get(3).startsWith("    ERROR MISSING_DEPENDENCY: module lib.absent not found"), text::toString);

        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> events = new ArrayList<>();
        for (String line : jsonLines.toString().lines().toList()) {
            events.add(mapper.readTree(line));
        }
        assertEquals(List.of("LOADED", "RELOADED", "REJECTED"),
                events.stream().map(event -> event.get("event").asText()).toList());
        assertTrue(events.get(0).get("previousVersion").isNull(), jsonLines::toString);
        assertEquals("1.0.0", events.get(1).get("previousVersion").asText(), jsonLines::toString);
        assertEquals("2.0.0", events.get(2).get("previousVersion").asText(), jsonLines::toString);
    }

    @Test
    void rejectionOfAPluginThatNeverServedSaysNothingKeepsServing() throws Exception {
        Path root = Files.createDirectories(temp.resolve("plugins"));
        Plugins.missingDependency(root.resolve("beta.jar"), "p.beta", "1.0.0", "lib.absent");
        StringWriter text = new StringWriter();
        TextRenderer renderer = new TextRenderer(new PrintWriter(text, true));

        try (PluginHost host = hostOf(root)) {
            host.addListener(renderer::event);
            host.load();
        }

        String first = text.toString().lines().findFirst().orElseThrow();
        assertTrue(first.endsWith(" REJECTED p.beta 1.0.0 [beta.jar]"), text::toString);
    }

    private static PluginHost hostOf(Path root) {
        HostOptions options = new HostOptions(Environment.of(Map.of()));
        new CommandLine(options).setCaseInsensitiveEnumValuesAllowed(true).parseArgs("--plugins", root.toString());
        return options.builder().build();
    }
}
