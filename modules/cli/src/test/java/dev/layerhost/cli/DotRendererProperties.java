package dev.layerhost.cli;

import dev.layerhost.core.VisibleText;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How {@link DotRenderer} writes names into DOT, read back by {@link DotScanner} with Graphviz's own rules:
 * a node id is one quoted string whose value reads back to the name (so distinct names stay distinct
 * nodes), and a label shows exactly the escaped names of text output, line by line, whatever they hold.
 */
class DotRendererProperties {

    @Provide
    Arbitrary<String> names() {
        return new VisibleTextProperties().names();
    }

    @Property(tries = 2000)
    void anIdIsOneQuotedStringThatReadsBackToTheName(@ForAll("names") String name) {
        List<DotScanner.Token> tokens = DotScanner.tokens(DotRenderer.id(name));

        assertEquals(1, tokens.size(), tokens::toString);
        assertTrue(tokens.get(0).quoted(), tokens::toString);
        assertEquals(name, VisibleTextProperties.unescape(tokens.get(0).text()));
    }

    @Property(tries = 1000)
    void aLabelShowsTheEscapedTitleAndLines(@ForAll("names") String title,
                                            @ForAll @Size(max = 4) List<@From("names") String> lines) {
        List<DotScanner.Token> tokens = DotScanner.tokens(DotRenderer.label(title, lines));

        assertEquals(1, tokens.size(), tokens::toString);
        assertTrue(tokens.get(0).quoted(), tokens::toString);
        List<String> shown = new ArrayList<>(List.of(VisibleText.escape(title)));
        lines.forEach(line -> shown.add(VisibleText.escape(line)));
        assertEquals(shown, DotScanner.labelLines(tokens.get(0).text()));
    }

    @Example
    void aTrailingBackslashDoesNotEscapeTheClosingQuote() {
        assertEquals("\"a\\\\\"", DotRenderer.id("a\\"));
        assertEquals(List.of(new DotScanner.Token(true, "a\\\\"), new DotScanner.Token(false, "->"),
                        new DotScanner.Token(true, "api")),
                DotScanner.tokens(DotRenderer.id("a\\") + " -> " + DotRenderer.id("api")));
    }

    @Example
    void quotesAreEscapedAndABackslashBeforeOneStaysABackslash() {
        assertEquals("\"say \\\"hi\\\"\"", DotRenderer.id("say \"hi\""));
        // The name backslash-quote: the backslash is doubled, then the quote escaped.
        assertEquals("\"\\\\\\\"\"", DotRenderer.id("\\\""));
    }

    @Example
    void lineEndsAndEscapeSequencesBecomeVisibleEscapesNotRawCharacters() {
        assertEquals("\"a\\nb\\x1b[2J\\u202e\"", DotRenderer.id("a\nb\u001b[2J\u202e"));
        // In a label, Graphviz would read a single backslash-n as a line break: it is doubled.
        assertEquals("\"a\\\\nb\\\\x1b[2J\\n\"", DotRenderer.label("a\nb\u001b[2J", List.of()));
    }

    @Example
    void aLabelNeverAsksGraphvizToSubstituteANameForABackslashLetter() {
        String label = DotRenderer.label("p\\N\\G", List.of("m\\l@1.0", "\\"));

        assertEquals("\"p\\\\N\\\\G\\nm\\\\l@1.0\\l\\\\\\l\"", label);
        assertEquals(List.of("p\\N\\G", "m\\l@1.0", "\\"),
                DotScanner.labelLines(DotScanner.tokens(label).get(0).text()));
    }

    @Example
    void aNameThatSpellsAnEscapeIsAnotherNodeThanTheCharacterItSpells() {
        assertEquals("\"p\\\\x1b\"", DotRenderer.id("p\\x1b"));
        assertEquals("\"p\\x1b\"", DotRenderer.id("p\u001b"));
    }

    @Example
    void plainNamesAreWrittenAsTheyAre() {
        assertEquals("\"p.chi\"", DotRenderer.id("p.chi"));
        assertEquals("\"p.chi\\np.chi@1.0.0\\llib.x\\l\"", DotRenderer.label("p.chi", List.of("p.chi@1.0.0", "lib.x")));
    }
}
