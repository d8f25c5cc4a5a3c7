package dev.layerhost.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TerminalSafeStreamTest {

    private static String through(String text, int chunk) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        TerminalSafeStream safe = new TerminalSafeStream(sink);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at < bytes.length; at += chunk) {
            safe.write(bytes, at, Math.min(chunk, bytes.length - at));
            safe.flush();
        }
        safe.close();
        return sink.toString(StandardCharsets.UTF_8);
    }

    @Test
    void controlsATerminalActsOnAreWrittenVisiblyWhateverTheWritesSplit() throws IOException {
        String hostile = "plugin \u001b[2J\u001b]0;owned\u0007 close failed\u009b31m\u007f";
        String expected = "plugin \\x1b[2J\\x1b]0;owned\\x07 close failed\\xc2\\x9b31m\\x7f";
        for (int chunk : new int[] {1, 2, 3, 1000}) {
            assertEquals(expected, through(hostile, chunk), "chunks of " + chunk);
        }
    }

    @Test
    void textLineEndsTabsAndOtherCharactersPassUnchanged() throws IOException {
        String text = "WARN caf\u00e9 \u00a0\u00c2\u00bf\tplugin\r\nat p.Source.<init>(Source.java:3)\n\u4e2d\u6587 \uD83D\uDE00\n";
        for (int chunk : new int[] {1, 2, 1000}) {
            assertEquals(text, through(text, chunk), "chunks of " + chunk);
        }
    }

    @Test
    void aPrintStreamOverItEscapesWhatPluginCodePrints() {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream stderr = new PrintStream(new TerminalSafeStream(sink), true, StandardCharsets.UTF_8);
        stderr.println("hello \u001b[31mred");
        assertEquals("hello \\x1b[31mred" + System.lineSeparator(), sink.toString(StandardCharsets.UTF_8));
    }
}
