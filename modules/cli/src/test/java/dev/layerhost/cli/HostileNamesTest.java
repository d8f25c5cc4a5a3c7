package dev.layerhost.cli;

import dev.layerhost.api.DataSource;
import dev.layerhost.core.PluginHost;
import dev.layerhost.pluginbuilder.DataSourcePlugins;
import dev.layerhost.pluginbuilder.ModuleLocation;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A plugin root whose entry and module names hold what Linux file names and module descriptors allow but
 * a terminal must never receive raw: ESC sequences that clear the screen or retitle the window, line ends
 * that forge a line, BEL, DEL, tabs, quotes, backslashes, a bidi override, a C1 control. Text output
 * (every verb, watch's lines, stderr) shows them escaped; {@code graph --format dot} stays a valid digraph;
 * JSON keeps them exact.
 */
class HostileNamesTest {

    /** A folder entry: clears the screen, homes the cursor, then forges a line; ends in a backslash. */
    private static final String FOLDER = "clear\u001b[2J\u001b[H\nFORGED 1.0.0 OK\\";
    private static final String FOLDER_SHOWN = "clear\\x1b[2J\\x1b[H\\nFORGED 1.0.0 OK\\";

    /** A jar entry whose plugin is rejected: BEL, a window title (OSC), CR, TAB, DEL, backslash, quote. */
    private static final String JAR = "bell\u0007title\u001b]0;owned\u0007\r\t\u007f\\\"q.jar";
    private static final String JAR_SHOWN = "bell\\x07title\\x1b]0;owned\\x07\\r\\t\\x7f\\\"q.jar";

    /** A module name only a class file can hold: backslash, quote, right-to-left override, CSI, backslash. */
    private static final String RENAMED = "p\\q\"r\u202e\u009b\\";
    private static final String RENAMED_SHOWN = "p\\q\"r\\u202e\\u009b\\";
    /** Its node id as Graphviz reads it: backslashes doubled, so that no other name has the same id. */
    private static final String RENAMED_ID = "p\\\\q\"r\\u202e\\u009b\\\\";

    /** An Automatic-Module-Name: ESC c resets a terminal; ESC and U+202E count as identifier characters. */
    private static final String AUTOMATIC = "p.auto\u001bc\u202e";
    private static final String AUTOMATIC_SHOWN = "p.auto\\x1bc\\u202e";

    /** What each verb prints of the root: the entries and plugins it names. */
    private static final Map<String, List<String>> SHOWN = Map.of(
            "list", List.of(FOLDER_SHOWN, JAR_SHOWN, RENAMED_SHOWN, AUTOMATIC_SHOWN),
            "doctor", List.of(JAR_SHOWN, AUTOMATIC_SHOWN),
            "graph", List.of(RENAMED_SHOWN, AUTOMATIC_SHOWN),
            "load", List.of(FOLDER_SHOWN, JAR_SHOWN, RENAMED_SHOWN, AUTOMATIC_SHOWN));

    @TempDir
    static Path temp;

    private static Path root;

    @BeforeAll
    static void hostileRoot() throws Exception {
        root = Files.createDirectories(temp.resolve("plugins"));
        Plugins.sound(root.resolve(FOLDER).resolve("plugin.jar"), "p.folder", "1.0.0");
        Plugins.missingDependency(root.resolve(JAR), "p.rejected", "2.0.0", "lib.absent");
        ModuleRenaming.rename(Plugins.sound(root.resolve("renamed.jar"), "p.renamed", "3.0.0"), "p.renamed", RENAMED);
        DataSourcePlugins.compiledAgainst(ModuleLocation.of(DataSource.class)).automatic("auto.Source")
                .automaticModuleName(AUTOMATIC).build(root.resolve("auto-4.0.0.jar"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"list", "doctor", "graph", "load"})
    void textOutputShowsEveryNameEscaped(String verb) {
        CliRun run = CliRun.of(verb, "--plugins", root);

        assertEquals(1, run.exitCode(), run::toString);
        assertEquals("", run.err(), run::toString);
        assertOnlyVisible(run.out());
        for (String shown : SHOWN.get(verb)) {
            assertTrue(run.out().contains(shown), () -> shown + " missing in " + visible(run.out()));
        }
        assertTrue(run.out().lines().noneMatch(line -> line.startsWith("FORGED")), () -> visible(run.out()));
    }

    @Test
    void listShowsOneRowPerEntry() {
        CliRun run = CliRun.of("list", "--plugins", root);

        // The header, a row per entry, an empty line, the summary, the line naming the errors.
        assertEquals(1 + 4 + 3, run.out().lines().count(), () -> visible(run.out()));
    }

    @Test
    void watchLinesShowEveryNameEscaped() {
        StringWriter text = new StringWriter();
        TextRenderer renderer = new TextRenderer(new PrintWriter(text, true));
        HostOptions options = new HostOptions(Environment.of(Map.of()));
        new CommandLine(options).setCaseInsensitiveEnumValuesAllowed(true).parseArgs("--plugins", root.toString());
        // The listener watch adds to the host, fed by a real first load of the root.
        try (PluginHost host = options.builder().build()) {
            host.addListener(renderer::event);
            host.load();
        }

        String out = text.toString();
        assertOnlyVisible(out);
        for (String shown : List.of("LOADED p.folder 1.0.0 [" + FOLDER_SHOWN + "]",
                "REJECTED p.rejected 2.0.0 [" + JAR_SHOWN + "]",
                "LOADED " + RENAMED_SHOWN + " 3.0.0 [renamed.jar]",
                "LOADED " + AUTOMATIC_SHOWN)) {
            assertTrue(out.contains(shown), () -> shown + " missing in " + visible(out));
        }
        assertTrue(out.lines().noneMatch(line -> line.startsWith("FORGED")), () -> visible(out));
    }

    @Test
    void dotIsADigraphWithANodePerLayerAndAnEdgePerParentWhateverTheNames() {
        CliRun run = CliRun.of("graph", "--plugins", root, "--format", "dot");

        assertEquals(1, run.exitCode(), run::toString);
        DotScanner.Digraph graph = DotScanner.digraph(run.out());
        assertEquals("layers", graph.name());
        assertEquals(Set.of("api", "p.folder", RENAMED_ID, AUTOMATIC_SHOWN), graph.labels().keySet(),
                run::toString);
        assertEquals(Set.of(List.of("p.folder", "api"), List.of(RENAMED_ID, "api"), List.of(AUTOMATIC_SHOWN, "api")),
                Set.copyOf(graph.edges()), run::toString);
        assertEquals(List.of(RENAMED_SHOWN, RENAMED_SHOWN + "@3.0.0"),
                DotScanner.labelLines(graph.labels().get(RENAMED_ID)), run::toString);
        assertEquals(List.of(AUTOMATIC_SHOWN, AUTOMATIC_SHOWN + "@4.0.0"),
                DotScanner.labelLines(graph.labels().get(AUTOMATIC_SHOWN)), run::toString);
        assertOnlyVisible(run.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"list", "doctor", "load"})
    void jsonKeepsEveryNameExactAndEscapesWhatATerminalWouldActOn(String verb) {
        CliRun run = CliRun.of(verb, "--plugins", root, "--json");

        assertEquals(1, run.exitCode(), run::toString);
        assertOnlyVisible(run.out());
        Map<String, String> sources = new TreeMap<>();
        Json.object(run).get("plugins")
                .forEach(plugin -> sources.put(plugin.get("id").asText(), plugin.get("source").asText()));
        assertEquals(Map.of("p.folder", FOLDER, "p.rejected", JAR, RENAMED, "renamed.jar", AUTOMATIC, "auto-4.0.0.jar"),
                sources, run::toString);
        JsonNode missing = Json.find(Json.object(run).get("diagnostics"), "code", "MISSING_DEPENDENCY");
        assertEquals(JAR, missing.get("source").asText(), run::toString);
    }

    @Test
    void graphJsonKeepsModuleNamesExact() {
        CliRun run = CliRun.of("graph", "--plugins", root, "--format", "json");

        assertOnlyVisible(run.out());
        JsonNode renamed = Json.find(Json.object(run).get("layers"), "plugin", RENAMED);
        assertEquals(RENAMED, renamed.get("modules").get(0).get("name").asText(), run::toString);
        assertEquals(List.of("api"), Json.texts(renamed.get("parents")), run::toString);
    }

    @Test
    void missingPluginRootWithControlCharactersIsOneEscapedLine() {
        Path missing = temp.resolve("missing\u001b[2J\nFORGED");

        CliRun run = CliRun.of("list", "--plugins", missing);

        assertUsageErrorShowing(run, temp + "/missing\\x1b[2J\\nFORGED");
    }

    @Test
    void apiPathWithControlCharactersIsOneEscapedLine() throws Exception {
        Path text = Files.writeString(temp.resolve("api\u001b]0;owned\u0007\n.jar"), "not a jar");

        CliRun run = CliRun.of("doctor", "--plugins", root, "--api", text);

        assertUsageErrorShowing(run, temp + "/api\\x1b]0;owned\\x07\\n.jar");
    }

    @Test
    void unknownOptionWithControlCharactersIsOneEscapedLine() {
        CliRun run = CliRun.of("list", "--plugins", root, "--frobnicate\u001b[2J\nFORGED");

        assertUsageErrorShowing(run, "--frobnicate\\x1b[2J\\nFORGED");
    }

    private static void assertUsageErrorShowing(CliRun run, String shown) {
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("", run.out(), run::toString);
        assertEquals(1, run.errLines(), () -> visible(run.err()));
        assertOnlyVisible(run.err());
        assertTrue(run.err().contains(shown), () -> shown + " missing in " + visible(run.err()));
    }

    /**
     * Fails if {@code out} holds anything but line ends and plainly visible characters: letters, marks,
     * digits, punctuation, symbols and the ASCII space; never a control (ESC, CR, TAB, BEL, DEL, C1), format
     * character (U+202E), other separator or space, or surrogate.
     */
    private static void assertOnlyVisible(String out) {
        List<String> hidden = new ArrayList<>();
        out.codePoints().filter(codePoint -> codePoint != '\n' && !isPlainlyVisible(codePoint))
                .forEach(codePoint -> hidden.add("U+%04X".formatted(codePoint)));
        assertTrue(hidden.isEmpty(), () -> hidden + " in:\n" + visible(out));
    }

    private static boolean isPlainlyVisible(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.UNASSIGNED,
                    Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            case Character.SPACE_SEPARATOR -> codePoint == ' ';
            default -> true;
        };
    }

    /** {@code out} as a failure message may show it: line ends kept, the rest as code points. */
    private static String visible(String out) {
        StringBuilder shown = new StringBuilder();
        out.codePoints().forEach(codePoint -> {
            if (codePoint == '\n' || isPlainlyVisible(codePoint)) {
                shown.appendCodePoint(codePoint);
            } else {
                shown.append("<U+%04X>".formatted(codePoint));
            }
        });
        return shown.toString();
    }
}
