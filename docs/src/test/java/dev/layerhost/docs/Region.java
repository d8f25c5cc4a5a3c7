package dev.layerhost.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A region of a source file, between a line holding {@code tag::NAME[]} and one holding
 * {@code end::NAME[]} (the Asciidoctor convention, in any comment syntax). Its text leaves out the marker
 * lines of other regions nested in it and the indentation all its lines share.
 */
final class Region {

    private static final Pattern MARKER = Pattern.compile("(?:tag|end)::[A-Za-z0-9_.-]+\\[\\]");

    private Region() {
    }

    /**
     * The text of region {@code name} of {@code file}, each line ending in {@code \n}; empty if the file
     * has no such region.
     *
     * @throws UncheckedIOException if the file cannot be read
     */
    static Optional<String> read(Path file, String name) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        int start = indexOf(lines, "tag::" + name + "[]", 0);
        if (start < 0) {
            return Optional.empty();
        }
        int end = indexOf(lines, "end::" + name + "[]", start + 1);
        if (end < 0) {
            return Optional.empty();
        }
        List<String> body = new ArrayList<>();
        for (String line : lines.subList(start + 1, end)) {
            if (!MARKER.matcher(line).find()) {
                body.add(line);
            }
        }
        int indent = body.stream().filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
        StringBuilder text = new StringBuilder();
        for (String line : body) {
            text.append(line.isBlank() ? "" : line.substring(indent).stripTrailing()).append('\n');
        }
        return Optional.of(text.toString());
    }

    private static int indexOf(List<String> lines, String marker, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                return i;
            }
        }
        return -1;
    }
}
