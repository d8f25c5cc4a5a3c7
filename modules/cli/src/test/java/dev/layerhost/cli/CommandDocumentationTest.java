package dev.layerhost.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@link CommandDocumentation} writes for the image, checked against the model the command runs with
 * (the command line of every verb), so that a verb or option added later is documented and completed
 * without anyone remembering to.
 */
class CommandDocumentationTest {

    @TempDir
    Path temp;

    @Test
    void theCompletionScriptNamesEveryVerbAndEveryOptionOfTheModel() throws Exception {
        new CommandDocumentation("9.9.9").write(temp);
        String script = Files.readString(temp.resolve(CommandDocumentation.COMPLETION), StandardCharsets.UTF_8);

        CommandLine model = LayerhostCommand.commandLine(new String[0], Environment.of(Map.of()));
        assertTrue(model.getSubcommands().keySet().containsAll(List.of("list", "doctor", "graph", "load", "watch")),
                model.getSubcommands()::toString);
        assertTrue(script.contains("local commands=\"" + String.join(" ", model.getSubcommands().keySet()) + "\""),
                script);
        for (CommandLine verb : model.getSubcommands().values()) {
            String function = "function _picocli_layerhost_" + verb.getCommandName() + "()";
            assertTrue(script.contains(function), function);
            String body = script.substring(script.indexOf(function));
            body = body.substring(0, body.indexOf("\n}\n"));
            for (OptionSpec option : verb.getCommandSpec().options()) {
                for (String name : option.names()) {
                    assertTrue(body.contains("'" + name + "'"), verb.getCommandName() + " " + name + " not completed");
                }
            }
        }
    }

    @Test
    void everyVerbGetsAManPageSourceWithTheBuildsVersion() throws Exception {
        new CommandDocumentation("9.9.9").write(temp);

        CommandLine model = LayerhostCommand.commandLine(new String[0], Environment.of(Map.of()));
        Path sources = temp.resolve(CommandDocumentation.MAN_SOURCES);
        assertTrue(Files.readString(sources.resolve("layerhost.adoc")).contains(":mansource: layerhost 9.9.9"));
        for (CommandLine verb : model.getSubcommands().values()) {
            Path page = sources.resolve("layerhost-" + verb.getCommandName() + ".adoc");
            String text = Files.readString(page, StandardCharsets.UTF_8);
            assertTrue(text.contains("= layerhost-" + verb.getCommandName() + "(1)"), page::toString);
            for (OptionSpec option : verb.getCommandSpec().options()) {
                assertTrue(text.contains("*" + option.longestName() + "*"), () -> option.longestName() + " not in " + page);
            }
        }
    }
}
