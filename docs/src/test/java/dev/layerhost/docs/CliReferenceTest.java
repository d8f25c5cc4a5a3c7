package dev.layerhost.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.layerhost.api.DataSource;
import dev.layerhost.pluginbuilder.DataSourcePlugins;
import dev.layerhost.pluginbuilder.ModuleLocation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code docs/cli.md} names every verb of the command, and every option of each verb in that verb's section;
 * its examples of {@code list} and {@code load} show the table header the command prints.
 */
class CliReferenceTest {

    @Test
    void referenceNamesEveryOptionOfEveryVerb() throws Exception {
        String reference = Files.readString(Repository.root().resolve("docs/cli.md"), StandardCharsets.UTF_8);
        CommandLine model = Cli.model();
        Map<String, CommandLine> verbs = model.getSubcommands();
        assertFalse(verbs.isEmpty(), "the model has verbs");
        List<String> missing = new ArrayList<>();
        for (OptionSpec option : model.getCommandSpec().options()) {
            for (String name : option.names()) {
                if (!reference.contains("`" + name)) {
                    missing.add("layerhost " + name);
                }
            }
        }
        String common = section(reference, "## Common options");
        for (Map.Entry<String, CommandLine> verb : verbs.entrySet()) {
            String own = section(reference, "## `layerhost " + verb.getKey() + "`");
            if (own.isEmpty()) {
                missing.add("layerhost " + verb.getKey() + " (no section)");
            }
            for (OptionSpec option : verb.getValue().getCommandSpec().options()) {
                for (String name : option.names()) {
                    boolean named = own.contains("`" + name) || common.contains("`" + name)
                            || (option.usageHelp() || option.versionHelp()) && reference.contains("`" + name + "`");
                    if (!named) {
                        missing.add("layerhost " + verb.getKey() + " " + name);
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "options docs/cli.md does not name");
    }

    @Test
    void everyPluginTableHeaderOfTheReferenceIsTheOneTheCommandPrints(@TempDir Path temp) throws Exception {
        Path root = temp.resolve("plugins");
        DataSourcePlugins.compiledAgainst(ModuleLocation.of(DataSource.class)).plugin("p.alpha", "1.0.0")
                .manifestAttribute("Plugin-Description", "Reads alpha files")
                .build(root.resolve("alpha.jar"));
        Cli.Run run = Cli.run("list", "--plugins", root.toString());
        assertEquals(0, run.exitCode(), run::toString);
        List<String> printed = columns(run.out().lines().findFirst().orElse(""));
        assertTrue(printed.contains("PLUGIN"), run::toString);

        String reference = Files.readString(Repository.root().resolve("docs/cli.md"), StandardCharsets.UTF_8);
        // load prints the same table, with the statuses after the load
        for (String verb : List.of("list", "load")) {
            List<String> documented = section(reference, "## `layerhost " + verb + "`").lines()
                    .filter(line -> line.startsWith("PLUGIN "))
                    .toList();
            assertFalse(documented.isEmpty(), "the " + verb + " section of docs/cli.md shows no table");
            for (String header : documented) {
                assertEquals(printed, columns(header), "a table header of the " + verb + " section of docs/cli.md");
            }
        }
    }

    /** The column names of a table header: the words between runs of spaces. */
    private static List<String> columns(String header) {
        return Arrays.asList(header.strip().split(" +"));
    }

    @Test
    void aVerbSectionIsFoundOnlyUnderItsOwnHeading() {
        String text = "# t\n## `layerhost list`\nthe `--service` option\n## `layerhost doctor`\nnothing\n";
        assertTrue(section(text, "## `layerhost list`").contains("`--service"));
        assertFalse(section(text, "## `layerhost doctor`").contains("`--service"));
        assertEquals("", section(text, "## `layerhost load`"));
    }

    /** The text from {@code heading} to the next heading of level 2, or empty. */
    private static String section(String markdown, String heading) {
        int start = markdown.indexOf("\n" + heading);
        if (start < 0) {
            return "";
        }
        int end = markdown.indexOf("\n## ", start + 1);
        return markdown.substring(start, end < 0 ? markdown.length() : end);
    }
}
