package dev.layerhost.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerhost.api.DataSource;
import dev.layerhost.core.DiagnosticCode;
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
 * {@code layerhost} command (in-process), and the fixed side gets neither it nor any error.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DiagnosticExamplesTest {

    /** Codes without an example: a listener event of the embedding API, not a check of a root. */
    private static final Set<DiagnosticCode> NOT_FROM_A_ROOT = EnumSet.of(DiagnosticCode.CLOSE_FAILED);

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
                assertEquals(0, result.run().exitCode(), code + " fixed: " + result);
            }));
        }
        return tests.stream();
    }

    @Test
    void everyCodeOfARootHasAnExampleAndAGuideSection() throws IOException {
        Set<String> folders = new TreeSet<>();
        exampleFolders().forEach(folder -> folders.add(folder.getFileName().toString()));
        String guide = Files.readString(Repository.root().resolve("docs/guide.md"), StandardCharsets.UTF_8);
        List<String> missing = new ArrayList<>();
        for (DiagnosticCode code : DiagnosticCode.values()) {
            if (NOT_FROM_A_ROOT.contains(code)) {
                continue;
            }
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

    private record Result(Cli.Run run, Set<String> codes) {
    }

    private Result check(Path side, Path root) throws Exception {
        ExampleRoot.Check how = examples.build(side, root);
        List<String> args = new ArrayList<>(List.of(how.verb(), "--plugins", root.toString(), "--json"));
        args.addAll(how.args());
        Cli.Run run = Cli.run(args.toArray(String[]::new));
        JsonNode report = JSON.readTree(run.out());
        Set<String> codes = new TreeSet<>();
        for (JsonNode diagnostic : report.get("diagnostics")) {
            codes.add(diagnostic.get("code").asText());
        }
        return new Result(run, codes);
    }

    private static List<Path> exampleFolders() throws IOException {
        try (Stream<Path> folders = Files.list(ExampleSources.root().resolve("diagnostics"))) {
            return folders.filter(Files::isDirectory).sorted().toList();
        }
    }
}
