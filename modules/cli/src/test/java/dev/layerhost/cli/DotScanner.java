package dev.layerhost.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Reads Graphviz DOT as Graphviz itself does, for the statements {@link DotRenderer} writes: the rules of
 * its scanner ({@code lib/cgraph/scan.l}) for double-quoted strings, and those of an {@code escString}
 * (a label) as Graphviz shows it. Anything else in the text fails the test: what this accepts, a real
 * {@code dot} reads the same way.
 */
final class DotScanner {

    /** The escapes of an escString that Graphviz replaces with the name of the node, graph, edge... */
    private static final Set<Character> SUBSTITUTIONS = Set.of('N', 'G', 'E', 'H', 'T', 'L');

    private DotScanner() {
    }

    /** One token: a quoted string (its value as Graphviz keeps it) or a bare word or punctuation. */
    record Token(boolean quoted, String text) {
    }

    /**
     * The graph {@code dot} describes: the label of each node (by its id as Graphviz keeps it) and the
     * edges as {@code [from, to]}, in order.
     */
    record Digraph(String name, Map<String, String> labels, List<List<String>> edges) {
    }

    /**
     * The tokens of {@code dot}. Inside a double-quoted string Graphviz turns {@code \"} into a quote, keeps
     * a backslash pair as it is, drops a backslash before a line end, and keeps every other character.
     */
    static List<Token> tokens(String dot) {
        List<Token> tokens = new ArrayList<>();
        int at = 0;
        while (at < dot.length()) {
            char c = dot.charAt(at);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                at++;
            } else if (c == '"') {
                StringBuilder value = new StringBuilder();
                at++;
                while (true) {
                    if (at >= dot.length()) {
                        return fail("unterminated quoted string in:\n" + dot);
                    }
                    char d = dot.charAt(at);
                    char next = at + 1 < dot.length() ? dot.charAt(at + 1) : 0;
                    if (d == '"') {
                        at++;
                        break;
                    } else if (d == '\\' && next == '"') {
                        value.append('"');
                        at += 2;
                    } else if (d == '\\' && next == '\\') {
                        value.append("\\\\");
                        at += 2;
                    } else if (d == '\\' && next == '\n') {
                        at += 2;
                    } else {
                        value.append(d);
                        at++;
                    }
                }
                tokens.add(new Token(true, value.toString()));
            } else if (dot.startsWith("->", at)) {
                tokens.add(new Token(false, "->"));
                at += 2;
            } else if ("{}[];,=".indexOf(c) >= 0) {
                tokens.add(new Token(false, String.valueOf(c)));
                at++;
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                int start = at;
                while (at < dot.length() && (Character.isLetterOrDigit(dot.charAt(at)) || dot.charAt(at) == '_')) {
                    at++;
                }
                tokens.add(new Token(false, dot.substring(start, at)));
            } else {
                return fail("unexpected character U+%04X at %d of:\n%s".formatted((int) c, at, dot));
            }
        }
        return tokens;
    }

    /**
     * The lines a label shows: Graphviz breaks lines at {@code \n}, {@code \l} and {@code \r}, shows a
     * backslash for {@code \\}, and any other escaped character as that character. A label that would have
     * Graphviz substitute a name ({@code \N}, {@code \G}...) fails the test, as does a raw line end.
     */
    static List<String> labelLines(String label) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int at = 0; at < label.length(); at++) {
            char c = label.charAt(at);
            if (c == '\n' || c == '\r') {
                return fail("raw line end in label " + label);
            }
            if (c != '\\' || at + 1 == label.length()) {
                line.append(c);
                continue;
            }
            char escaped = label.charAt(++at);
            if (escaped == 'n' || escaped == 'l' || escaped == 'r') {
                lines.add(line.toString());
                line.setLength(0);
            } else if (SUBSTITUTIONS.contains(escaped)) {
                return fail("label substitutes \\" + escaped + ": " + label);
            } else {
                line.append(escaped);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /**
     * Parses {@code dot} as a {@code digraph NAME { ... }} of {@code rankdir=...;}, {@code node [...];},
     * {@code "id" [label="..."];} and {@code "a" -> "b";} statements, nothing before or after; fails the
     * test on anything else, on a node declared twice, or on an edge to an undeclared node.
     */
    static Digraph digraph(String dot) {
        List<Token> tokens = tokens(dot);
        Cursor cursor = new Cursor(tokens, dot);
        cursor.expect("digraph");
        String name = cursor.next().text();
        cursor.expect("{");
        Map<String, String> labels = new LinkedHashMap<>();
        List<List<String>> edges = new ArrayList<>();
        while (!cursor.peek().text().equals("}") || cursor.peek().quoted()) {
            Token first = cursor.next();
            if (!first.quoted() && first.text().equals("node")) {
                cursor.attributes();
            } else if (!first.quoted()) {
                cursor.expect("=");
                cursor.next();
            } else if (cursor.peek().text().equals("->") && !cursor.peek().quoted()) {
                cursor.next();
                Token to = cursor.next();
                if (!to.quoted()) {
                    return fail("edge to a bare word " + to + " in:\n" + dot);
                }
                edges.add(List.of(first.text(), to.text()));
            } else {
                Map<String, String> attributes = cursor.attributes();
                if (labels.put(first.text(), attributes.get("label")) != null) {
                    return fail("node " + first.text() + " declared twice in:\n" + dot);
                }
            }
            cursor.expect(";");
        }
        cursor.expect("}");
        if (cursor.hasNext()) {
            return fail("tokens after the graph's end: " + cursor.peek() + " in:\n" + dot);
        }
        for (List<String> edge : edges) {
            if (!labels.containsKey(edge.get(0)) || !labels.containsKey(edge.get(1))) {
                return fail("edge " + edge + " between undeclared nodes in:\n" + dot);
            }
        }
        return new Digraph(name, labels, edges);
    }

    /** Walks the tokens of one text. */
    private static final class Cursor {

        private final List<Token> tokens;
        private final String dot;
        private int at;

        Cursor(List<Token> tokens, String dot) {
            this.tokens = tokens;
            this.dot = dot;
        }

        boolean hasNext() {
            return at < tokens.size();
        }

        Token peek() {
            return hasNext() ? tokens.get(at) : fail("the text ends too early:\n" + dot);
        }

        Token next() {
            Token token = peek();
            at++;
            return token;
        }

        void expect(String word) {
            Token token = next();
            if (token.quoted() || !token.text().equals(word)) {
                fail("expected " + word + ", got " + token + " in:\n" + dot);
            }
        }

        /** {@code [name=value, ...]}; values may be quoted. */
        Map<String, String> attributes() {
            Map<String, String> attributes = new LinkedHashMap<>();
            expect("[");
            while (true) {
                Token name = next();
                expect("=");
                attributes.put(name.text(), next().text());
                Token separator = next();
                if (separator.text().equals("]") && !separator.quoted()) {
                    return attributes;
                }
                if (separator.quoted() || !separator.text().equals(",")) {
                    fail("expected , or ], got " + separator + " in:\n" + dot);
                }
            }
        }
    }
}
