package dev.layerhost.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerhost.api.DataSource;
import dev.layerhost.core.Diagnostic;
import dev.layerhost.core.DiagnosticCode;
import dev.layerhost.core.LivePlugin;
import dev.layerhost.core.PluginEvent;
import dev.layerhost.core.PluginHost;
import dev.layerhost.pluginbuilder.ModuleLocation;
import dev.layerhost.pluginbuilder.SigningKey;
import dev.layerhost.pluginbuilder.SigningKeys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every diagnostic example of the guide is real: the broken side of
 * {@code docs/src/examples/diagnostics/<CODE>} built into a plugin root gets {@code CODE} from the real
 * {@code layerhost} command (in-process), and the fixed side gets neither it nor any error. For
 * {@code CLOSE_FAILED}, an event of the embedding API, a host loads the root and unloads every plugin.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiagnosticExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The class's own folder: the keys, and the roots its tests build. */
    private Path temp;

    private ExampleRoot examples;

    @BeforeAll
    void keys(@TempDir Path classFolder) {
        temp = classFolder;
        examples = new ExampleRoot(ModuleLocation.of(DataSource.class),
                SigningKeys.generate(temp.resolve("keys"), EnumSet.of(SigningKey.ACME, SigningKey.ROGUE)), temp.resolve("built"));
    }

    @TestFactory
    Stream<DynamicTest> brokenExampleGetsItsCodeAndFixedOneDoesNot() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path example : exampleFolders()) {
            String code = example.getFileName().toString();
            tests.add(DynamicTest.dynamicTest(code + " broken", () -> {
                Result result = check(example.resolve("broken"), temp.resolve(code + "-broken"));
                assertTrue(result.codes().contains(code), code + " broken: " + result);
            }));
            tests.add(DynamicTest.dynamicTest(code + " fixed", () -> {
                Result result = check(example.resolve("fixed"), temp.resolve(code + "-fixed"));
                assertEquals(Set.of(), result.codes(), code + " fixed: " + result);
                assertTrue(!result.error(), code + " fixed: " + result);
            }));
        }
        return tests.stream();
    }

    @Test
    void everyCodeHasAnExampleAndAGuideSection() throws IOException {
        Set<String> folders = new TreeSet<>();
        exampleFolders().forEach(folder -> folders.add(folder.getFileName().toString()));
        String guide = Files.readString(Repository.root().resolve("docs/guide.md"), StandardCharsets.UTF_8);
        List<String> missing = new ArrayList<>();
        for (DiagnosticCode code : DiagnosticCode.values()) {
            if (!folders.contains(code.name())) {
                missing.add(code + ": no docs/src/examples/diagnostics/" + code);
            }
            if (!guide.contains("### `" + code + "`")) {
                missing.add(code + ": no section ### `" + code + "` in docs/guide.md");
            }
            if (!guide.contains("diagnostics/" + code + "/broken/") || !guide.contains("diagnostics/" + code + "/fixed/")) {
                missing.add(code + ": docs/guide.md does not show its broken and fixed example");
            }
        }
        assertEquals(List.of(), missing);
    }

    /**
     * What a check found.
     *
     * @param codes  the codes of every diagnostic
     * @param error  whether the command exited 1 (or, embedded, an event had an error)
     * @param output what the command printed, for a failure's message
     */
    private record Result(Set<String> codes, boolean error, String output) {
    }

    private Result check(Path side, Path root) throws Exception {
        ExampleRoot.Check how = examples.build(side, root);
        if (how.verb().equals("unload")) {
            return unloadEveryPlugin(root);
        }
        List<String> args = new ArrayList<>(List.of(how.verb(), "--plugins", root.toString(), "--json"));
        args.addAll(how.args());
        Cli.Run run = Cli.run(args.toArray(String[]::new));
        JsonNode report = JSON.readTree(run.out());
        Set<String> codes = new TreeSet<>();
        for (JsonNode diagnostic : report.get("diagnostics")) {
            codes.add(diagnostic.get("code").asText());
        }
        return new Result(codes, run.exitCode() != 0, run.toString());
    }

    /** A code only the embedding API reports ({@code CLOSE_FAILED}): load, unload every plugin, read the events. */
    private static Result unloadEveryPlugin(Path root) {
        List<PluginEvent> events = new ArrayList<>();
        try (PluginHost host = PluginHost.builder().pluginRoot(root).apiPath(ModuleLocation.of(DataSource.class)).build()) {
            host.addListener(events::add);
            host.load();
            for (LivePlugin plugin : host.live()) {
                host.unload(plugin.id());
            }
        }
        Set<String> codes = new TreeSet<>();
        boolean error = false;
        for (PluginEvent event : events) {
            for (Diagnostic diagnostic : event.diagnostics()) {
                codes.add(diagnostic.code().name());
                error |= diagnostic.isError();
            }
        }
        return new Result(codes, error, events.toString());
    }

    private static List<Path> exampleFolders() throws IOException {
        try (Stream<Path> folders = Files.list(ExampleSources.root().resolve("diagnostics"))) {
            return folders.filter(Files::isDirectory).sorted().toList();
        }
    }
}
