package dev.layerhost.example.pipeline.app;

import java.io.PrintWriter;
import java.util.List;

/**
 * The application's stdout. The watcher's thread (events) and the main thread (jobs) both print: each
 * block of lines is printed whole, never interleaved with another, and flushed at once. Every line is
 * escaped ({@link TerminalText}): the lines quote plugin ids, entry names and plugin code's messages.
 */
final class Console {

    private final PrintWriter out;

    Console(PrintWriter out) {
        this.out = out;
    }

    void print(List<String> lines) {
        synchronized (out) {
            lines.forEach(line -> out.println(TerminalText.escape(line)));
            out.flush();
        }
    }

    void print(String line) {
        print(List.of(line));
    }
}
