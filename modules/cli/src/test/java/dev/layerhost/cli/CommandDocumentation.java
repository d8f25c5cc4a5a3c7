package dev.layerhost.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes the files the runtime image ships about the command, from the same picocli model the command
 * runs with: the bash/zsh completion script and the AsciiDoc sources of the man pages (one for
 * {@code layerhost}, one per verb), which the build then turns into troff. It lives with the tests because
 * picocli-codegen is a build tool, not a part of the command: the image does not carry it.
 *
 * <p>Run by the CLI module's build ({@code exec:java}, phase {@code prepare-package}) with two arguments:
 * the folder to write to and the project's version.
 */
public final class CommandDocumentation {

    /** Where the completion script goes, relative to the image (bash-completion's own layout). */
    static final Path COMPLETION = Path.of("share", "bash-completion", "completions", "layerhost");
    /** Where the man pages' AsciiDoc sources go, relative to the output folder; not part of the image. */
    static final Path MAN_SOURCES = Path.of("adoc");

    private final String version;

    CommandDocumentation(String version) {
        this.version = version;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: CommandDocumentation OUTPUT-FOLDER VERSION");
        }
        new CommandDocumentation(args[1]).write(Path.of(args[0]));
    }

    /** Writes the completion script and the man pages' sources under {@code folder}. */
    void write(Path folder) throws IOException {
        Path completion = folder.resolve(COMPLETION);
        Files.createDirectories(completion.getParent());
        Files.writeString(completion, completionScript(), StandardCharsets.UTF_8);
        Path manSources = Files.createDirectories(folder.resolve(MAN_SOURCES));
        // verbosity none, overwrite what an earlier build wrote; no templates folder
        int exitCode = ManPageGenerator.generateManPage(manSources.toFile(), null, new boolean[0], true,
                commandLine().getCommandSpec());
        if (exitCode != 0) {
            throw new IOException("picocli's ManPageGenerator failed with exit code " + exitCode + " writing to "
                    + manSources);
        }
    }

    /** The bash (and zsh, through bashcompinit) completion script of {@code layerhost}. */
    String completionScript() {
        return AutoComplete.bash("layerhost", commandLine());
    }

    /**
     * The command line with every verb, as help shows it. Run from the class path, the module has no
     * version of its own: the build's version is put in its place for the man pages' footer.
     */
    CommandLine commandLine() {
        CommandLine commandLine = LayerhostCommand.commandLine(new String[0], Environment.of(Map.of()));
        String[] versionLine = {"layerhost " + version};
        commandLine.getCommandSpec().versionProvider(() -> versionLine);
        commandLine.getSubcommands().values()
                .forEach(verb -> verb.getCommandSpec().versionProvider(() -> versionLine));
        return commandLine;
    }
}
