package dev.layerhost.cli;

import dev.layerhost.core.VisibleText;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link VisibleText#escape}: what it escapes and how, that nothing a terminal could act on or hide
 * survives it, and that it replaces nothing else: a name without backslashes reads back from its escaped
 * form.
 */
class VisibleTextProperties {

    /** Characters a hostile name would use, and the letters of the escapes themselves. */
    private static final List<Character> HOSTILE = List.of('\u0000', '\u0007', '\b', '\t', '\n', '\u000b', '\f',
            '\r', '\u001b', '\u007f', '\u0085', '\u009b', '\u00a0', '\u00ad', '\u200b', '\u200d', '\u200e',
            '\u2028', '\u2029', '\u202a', '\u202e', '\u2066', '\u3000', '\u3164', '\ufe0f', '\ufeff', '\uffff',
            '\ud800', '\udc00', '\\', '"', 'x', 'u', 'U', '0', '1', 'b');

    /** Names whose characters are a third {@link #HOSTILE}, a third any UTF-16 unit, a third printable ASCII. */
    @Provide
    Arbitrary<String> names() {
        Arbitrary<Character> hostile = Arbitraries.of(HOSTILE);
        Arbitrary<Character> any = Arbitraries.chars().range('\u0000', '\uffff');
        Arbitrary<Character> plain = Arbitraries.chars().range(' ', '~');
        return Arbitraries.frequencyOf(Tuple.of(1, hostile), Tuple.of(1, any), Tuple.of(1, plain))
                .list().ofMaxSize(40)
                .map(chars -> {
                    StringBuilder text = new StringBuilder();
                    chars.forEach(text::append);
                    return text.toString();
                });
    }

    @Property(tries = 2000)
    void escapedTextHoldsNoControlFormatSeparatorOrLoneSurrogate(@ForAll("names") String name) {
        String escaped = VisibleText.escape(name);

        Statistics.collect(escaped.equals(name) ? "unchanged" : "escaped");
        escaped.codePoints().forEach(codePoint -> assertTrue(isPlainlyVisible(codePoint),
                () -> "U+%04X survives in %s".formatted(codePoint, escaped)));
    }

    @Property(tries = 2000)
    void aNameWithoutBackslashesReadsBackFromItsEscapedForm(@ForAll("names") String name) {
        String withoutBackslashes = name.replace('\\', '/');

        assertEquals(withoutBackslashes, unescape(VisibleText.escape(withoutBackslashes)));
    }

    @Property
    void printableAsciiIsUnchanged(@ForAll("printable") String name) {
        assertEquals(name, VisibleText.escape(name));
    }

    @Provide
    Arbitrary<String> printable() {
        return Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(60);
    }

    @Example
    void terminalControlsAreWrittenAsEscapes() {
        assertEquals("a\\x1b[2J", VisibleText.escape("a\u001b[2J"));
        assertEquals("x\\x1b]0;title\\x07", VisibleText.escape("x\u001b]0;title\u0007"));
        assertEquals("one\\ntwo\\rthree\\tfour", VisibleText.escape("one\ntwo\rthree\tfour"));
        assertEquals("\\x00\\x08\\x0b\\x0c\\x7f", VisibleText.escape("\u0000\b\u000b\f\u007f"));
        assertEquals("c1\\u0085\\u009b2J", VisibleText.escape("c1\u0085\u009b2J"));
    }

    @Example
    void invisibleAndReorderingCharactersAreWrittenAsEscapes() {
        assertEquals("evil\\u202egpj.jar", VisibleText.escape("evil\u202egpj.jar"));
        assertEquals("\\u2066\\u200e\\u200b\\u200d\\ufeff\\u00ad",
                VisibleText.escape("\u2066\u200e\u200b\u200d\ufeff\u00ad"));
        assertEquals("line\\u2028para\\u2029", VisibleText.escape("line\u2028para\u2029"));
        assertEquals("no\\u00a0break\\u3000wide space", VisibleText.escape("no\u00a0break\u3000wide space"));
        assertEquals("filler\\u3164\\u115f\\ufe0f\\u034f", VisibleText.escape("filler\u3164\u115f\ufe0f\u034f"));
        assertEquals("tag\\U000e0041\\U000e0100", VisibleText.escape("tag" + Character.toString(0xE0041)
                + Character.toString(0xE0100)));
        assertEquals("unassigned\\uffff lone\\ud800", VisibleText.escape("unassigned\uffff lone\ud800"));
    }

    @Example
    void backslashIsShownAsItIsLikeTheCoresByteEscapes() {
        assertEquals("a\\x1b", VisibleText.escape("a\\x1b"));
        assertEquals("\\xff.jar", VisibleText.escape("\\xff.jar"));
        assertEquals("trailing\\ and \\x1b", VisibleText.escape("trailing\\ and \u001b"));
    }

    @Example
    void visibleTextIsLeftAsItIs() {
        for (String name : List.of("p.alpha", "csv-source.jar", "café.jar", "日本語", "Ωmega-2.0",
                "emoji-\ud83d\ude00",
                "quote\"s and 'apostrophes' and spaces", "")) {
            assertEquals(name, VisibleText.escape(name));
        }
    }

    /**
     * An oracle independent of {@link VisibleText#isHidden}: letters, marks, numbers, punctuation and
     * symbols, and the ASCII space; never a control, format, separator, surrogate or unassigned code point.
     */
    private static boolean isPlainlyVisible(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.UNASSIGNED,
                    Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
            case Character.SPACE_SEPARATOR -> codePoint == ' ';
            default -> true;
        };
    }

    /**
     * Reads the escapes of {@link VisibleText#escape} back, a doubled backslash as one (the form of
     * {@link DotRenderer#id}); fails on a backslash that starts no escape.
     */
    static String unescape(String escaped) {
        StringBuilder text = new StringBuilder();
        for (int at = 0; at < escaped.length(); at++) {
            char c = escaped.charAt(at);
            if (c != '\\') {
                text.append(c);
                continue;
            }
            char kind = escaped.charAt(++at);
            switch (kind) {
                case '\\' -> text.append('\\');
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'x' -> {
                    text.appendCodePoint(Integer.parseInt(escaped.substring(at + 1, at + 3), 16));
                    at += 2;
                }
                case 'u' -> {
                    text.append((char) Integer.parseInt(escaped.substring(at + 1, at + 5), 16));
                    at += 4;
                }
                case 'U' -> {
                    text.appendCodePoint(Integer.parseInt(escaped.substring(at + 1, at + 9), 16));
                    at += 8;
                }
                default -> throw new AssertionError("\\" + kind + " is no escape in " + escaped);
            }
        }
        return text.toString();
    }
}
