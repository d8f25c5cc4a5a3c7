package dev.layerhost.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A mistyped verb or option: one line on stderr that says which was probably meant, exit 2. */
class UsageSuggestionTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @CsvSource({"lsit,list", "lits,list", "doctr,doctor", "grpah,graph", "laod,load", "wacth,watch", "lst,list"})
    void mistypedVerbSuggestsTheVerb(String typed, String meant) throws Exception {
        Path root = Files.createDirectories(temp.resolve("plugins"));

        CliRun run = CliRun.of(typed, "--plugins", root);

        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("layerhost: unknown verb '" + typed + "'; did you mean '" + meant + "'? (see 'layerhost --help')",
                run.err().strip(), run::toString);
        assertEquals(1, run.errLines(), run::toString);
        assertEquals("", run.out(), run::toString);
    }

    @Test
    void wordFarFromEveryVerbGetsNoGuess() {
        CliRun run = CliRun.of("frobnicate");

        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("layerhost: unknown verb 'frobnicate' (see 'layerhost --help')", run.err().strip(), run::toString);
    }

    /** picocli checks required options first: without the suggestion, this would read "Missing required option". */
    @Test
    void mistypedRequiredOptionSuggestsTheOptionNotThatItIsMissing() throws Exception {
        Path root = Files.createDirectories(temp.resolve("plugins"));

        CliRun run = CliRun.of("list", "--plugin", root);

        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("layerhost: unknown option '--plugin' of list; did you mean '--plugins'? (see 'layerhost --help')",
                run.err().strip(), run::toString);
        assertEquals(1, run.errLines(), run::toString);
    }

    @ParameterizedTest
    @CsvSource({"doctor,--jsn,--json", "graph,--fromat,--format", "watch,--quiet-perid,--quiet-period",
            "load,--deny-modul,--deny-module"})
    void mistypedOptionOfEachVerbSuggestsItsOption(String verb, String typed, String meant) throws Exception {
        Path root = Files.createDirectories(temp.resolve("plugins"));

        CliRun run = CliRun.of(verb, "--plugins", root, typed);

        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("layerhost: unknown option '" + typed + "' of " + verb + "; did you mean '" + meant
                + "'? (see 'layerhost --help')", run.err().strip(), run::toString);
    }

    @Test
    void closestKnowsSwapsAndRefusesWildGuesses() {
        List<String> verbs = List.of("list", "doctor", "graph", "load", "watch");

        assertEquals(Optional.of("list"), UsageError.closest("lsit", verbs));
        assertEquals(Optional.of("load"), UsageError.closest("loa", verbs));
        assertEquals(Optional.empty(), UsageError.closest("ls", verbs), "two edits of a two-letter word is a guess");
        assertEquals(Optional.empty(), UsageError.closest("x".repeat(100_000), verbs));
        assertFalse(UsageError.closest("", verbs).isPresent());
    }
}
