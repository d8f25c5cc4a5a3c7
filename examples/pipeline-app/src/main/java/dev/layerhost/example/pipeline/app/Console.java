package dev.layerhost.example.pipeline.app;

import dev.layerhost.core.VisibleText;

import java.io.PrintWriter;
import java.util.List;

/**
 * The application's stdout. The watcher's thread (events) and the main thread (jobs) both print: each
 * block of lines is printed whole, never interleaved with another, and flushed at once. Every line is
 * escaped with layerhost's {@link VisibleText}, as the layerhost command escapes its own: the lines quote
 * plugin ids, entry names and plugin code's messages.
 */
final class Console {

    private final PrintWriter out;

    Console(PrintWriter out) {
        this.out = out;
    }

    void print(List<String> lines) {
        synchronized (out) {
            lines.forEach(line -> out.println(VisibleText.escape(line)));
            out.flush();
        }
    }

    void print(String line) {
        print(List.of(line));
    }
}
