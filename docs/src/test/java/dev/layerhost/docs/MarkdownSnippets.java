package dev.layerhost.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The snippets of one Markdown file: each fenced code block whose previous line is a comment
 * {@code <!-- snippet: PATH#REGION -->}, PATH relative to the repository's root. The file's text is
 * held as read; {@link #rewritten} gives it with every block replaced by its region's current text.
 */
final class MarkdownSnippets {

    private static final Pattern MARKER = Pattern.compile("^<!-- snippet: (\\S+)#([A-Za-z0-9_.-]+) -->\\s*$");

    /**
     * One snippet.
     *
     * @param markdown the Markdown file, relative to the repository's root
     * @param line     the 1-based line of its marker comment
     * @param source   the source file it is taken from, relative to the repository's root
     * @param region   the region of {@code source}
     * @param body     the text of its fenced block as the Markdown has it, each line ending in {@code \n}
     * @param bodyFrom index in the Markdown's lines of the block's first line of text
     * @param bodyTo   index of its closing fence
     */
    record Snippet(Path markdown, int line, Path source, String region, String body, int bodyFrom, int bodyTo) {

        Snippet {
            Objects.requireNonNull(markdown, "markdown");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(body, "body");
        }

        /** How a failure names it: {@code docs/guide.md:42 (docs/src/...Host.java#embed)}. */
        String label() {
            return markdown + ":" + line + " (" + source + "#" + region + ")";
        }
    }

    private final Path markdown;
    private final List<String> lines;
    private final List<Snippet> snippets;

    private MarkdownSnippets(Path markdown, List<String> lines, List<Snippet> snippets) {
        this.markdown = markdown;
        this.lines = List.copyOf(lines);
        this.snippets = List.copyOf(snippets);
    }

    /**
     * Reads the snippets of {@code repository.resolve(markdown)}.
     *
     * @throws IllegalStateException naming the file and line if a marker is not followed by a fenced
     *     block, or the block is never closed
     * @throws UncheckedIOException if the file cannot be read
     */
    static MarkdownSnippets read(Path repository, Path markdown) {
        List<String> lines;
        try {
            lines = Files.readAllLines(repository.resolve(markdown), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + markdown, e);
        }
        List<Snippet> snippets = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher marker = MARKER.matcher(lines.get(i));
            if (!marker.matches()) {
                continue;
            }
            if (i + 1 >= lines.size() || !lines.get(i + 1).startsWith("```")) {
                throw new IllegalStateException(markdown + ":" + (i + 1) + ": a snippet marker must be followed by a ``` block");
            }
            int close = i + 2;
            while (close < lines.size() && !lines.get(close).equals("```")) {
                close++;
            }
            if (close >= lines.size()) {
                throw new IllegalStateException(markdown + ":" + (i + 2) + ": the snippet's ``` block is never closed");
            }
            StringBuilder body = new StringBuilder();
            lines.subList(i + 2, close).forEach(line -> body.append(line).append('\n'));
            snippets.add(new Snippet(markdown, i + 1, Path.of(marker.group(1)), marker.group(2), body.toString(),
                    i + 2, close));
            i = close;
        }
        return new MarkdownSnippets(markdown, lines, snippets);
    }

    Path markdown() {
        return markdown;
    }

    List<Snippet> snippets() {
        return snippets;
    }

    /**
     * The file's text with each snippet's block holding {@code regionText} of that snippet; a snippet
     * whose region is missing keeps its block.
     */
    String rewritten(java.util.function.Function<Snippet, java.util.Optional<String>> regionText) {
        StringBuilder text = new StringBuilder();
        int next = 0;
        for (Snippet snippet : snippets) {
            lines.subList(next, snippet.bodyFrom()).forEach(line -> text.append(line).append('\n'));
            text.append(regionText.apply(snippet).orElse(snippet.body()));
            next = snippet.bodyTo();
        }
        lines.subList(next, lines.size()).forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }
}
