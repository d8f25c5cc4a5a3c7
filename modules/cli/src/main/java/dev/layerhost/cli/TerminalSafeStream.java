package dev.layerhost.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The process's stderr, with what a terminal would act on written visibly: the C0 control bytes but tab
 * and line ends, DEL, and the C1 controls in UTF-8 ({@code C2 80} to {@code C2 9F}) become {@code \xHH}.
 * Logs carry text plugins control (a module name may hold ESC, an exception message anything), and so
 * does what plugin code prints: none of it may move the cursor, recolor or retitle the user's terminal.
 */
final class TerminalSafeStream extends FilterOutputStream {

    /** Whether the last byte was C2, the first byte of a C1 control or of another two-byte character. */
    private boolean pendingC2;

    TerminalSafeStream(OutputStream out) {
        super(out);
    }

    @Override
    public synchronized void write(int b) throws IOException {
        int unsigned = b & 0xff;
        if (pendingC2) {
            pendingC2 = false;
            if (unsigned >= 0x80 && unsigned <= 0x9f) {
                escape(0xc2);
                escape(unsigned);
                return;
            }
            out.write(0xc2);
        }
        if (unsigned == 0xc2) {
            pendingC2 = true;
        } else if ((unsigned < 0x20 && unsigned != '\t' && unsigned != '\n' && unsigned != '\r') || unsigned == 0x7f) {
            escape(unsigned);
        } else {
            out.write(unsigned);
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    @Override
    public synchronized void flush() throws IOException {
        // a C2 held back is flushed with the byte that follows it, which decides what it is
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        if (pendingC2) {
            out.write(0xc2);
            pendingC2 = false;
        }
        super.close();
    }

    private void escape(int unsigned) throws IOException {
        out.write(String.format("\\x%02x", unsigned).getBytes(StandardCharsets.US_ASCII));
    }
}
