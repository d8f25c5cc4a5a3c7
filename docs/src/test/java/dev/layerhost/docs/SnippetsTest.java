package dev.layerhost.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every fenced block of the README and {@code docs/} marked {@code <!-- snippet: PATH#REGION -->} is the
 * current text of that region of a source the build compiles. With {@code -Ddocs.updateSnippets=true}
 * the test rewrites the Markdown from the sources instead of failing.
 */
class SnippetsTest {

    private static final boolean UPDATE = Boolean.getBoolean("docs.updateSnippets");

    @Test
    void everySnippetIsItsRegionOfACompiledSource() throws IOException {
        Path root = Repository.root();
        List<String> problems = new ArrayList<>();
        int count = 0;
        for (Path markdown : Repository.markdownFiles()) {
            MarkdownSnippets file = MarkdownSnippets.read(root, markdown);
            for (MarkdownSnippets.Snippet snippet : file.snippets()) {
                count++;
                Optional<String> region = regionOf(root, snippet);
                if (region.isEmpty()) {
                    problems.add(snippet.label() + ": no such region (a line with tag::" + snippet.region()
                            + "[] and one with end::" + snippet.region() + "[]) in " + snippet.source());
                } else if (!region.get().equals(snippet.body()) && !UPDATE) {
                    problems.add(snippet.label() + ": the block differs from its region;"
                            + " copy it with mvn -B -pl docs -am test -Dtest=SnippetsTest -Dsurefire.failIfNoSpecifiedTests=false"
                            + " -Ddocs.updateSnippets=true");
                }
            }
            if (UPDATE) {
                String text = file.rewritten(snippet -> regionOf(root, snippet));
                if (!text.equals(Files.readString(root.resolve(markdown), StandardCharsets.UTF_8))) {
                    Files.writeString(root.resolve(markdown), text, StandardCharsets.UTF_8);
                }
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n", problems));
        }
        assertTrue(count >= 10, "the README and docs/ should carry the snippets the guide shows, found " + count);
    }

    @Test
    void readmeEmbeddingSnippetComesFromTheCompiledHost() {
        List<MarkdownSnippets.Snippet> readme = MarkdownSnippets.read(Repository.root(), Path.of("README.md")).snippets();
        assertTrue(readme.stream().anyMatch(snippet -> snippet.region().equals("embed")
                        && snippet.source().toString().endsWith("HostApplication.java")),
                "README's embedding snippet is taken from the compiled host application");
        assertTrue(readme.stream().anyMatch(snippet -> snippet.region().equals("module")),
                "README shows the host's module-info from the compiled source");
    }

    @Test
    void aChangedBlockIsNamedByFileAndRegion(@TempDir Path repository) throws IOException {
        Path source = repository.resolve("src/Host.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "class Host {\n    // tag::run[]\n    void run() {}\n    // end::run[]\n}\n");
        Files.writeString(repository.resolve("guide.md"),
                "Text\n<!-- snippet: src/Host.java#run -->\n```java\nvoid walk() {}\n```\n"
                        + "<!-- snippet: src/Host.java#gone -->\n```java\n```\n");
        MarkdownSnippets file = MarkdownSnippets.read(repository, Path.of("guide.md"));

        MarkdownSnippets.Snippet changed = file.snippets().get(0);
        assertEquals("guide.md:2 (src/Host.java#run)", changed.label());
        assertEquals(Optional.of("void run() {}\n"), regionOf(repository, changed));
        assertFalse(regionOf(repository, changed).get().equals(changed.body()));
        assertEquals(Optional.empty(), regionOf(repository, file.snippets().get(1)));

        String rewritten = file.rewritten(snippet -> regionOf(repository, snippet));
        assertEquals("Text\n<!-- snippet: src/Host.java#run -->\n```java\nvoid run() {}\n```\n"
                + "<!-- snippet: src/Host.java#gone -->\n```java\n```\n", rewritten);
    }

    private static Optional<String> regionOf(Path root, MarkdownSnippets.Snippet snippet) {
        Path source = root.resolve(snippet.source());
        return Files.isRegularFile(source) ? Region.read(source, snippet.region()) : Optional.empty();
    }
}
