package dev.layerhost.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** {@code docs/cli.md} names every verb of the command, and every option of each verb in that verb's section. */
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
