package dev.layerhost.core.internal.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Copies a file's bytes when its size was measured first, and never more: a file that reads on past the
 * size its attributes gave ({@code /proc/self/pagemap} reports 0 bytes and reads for ever; a device
 * behind a link) would otherwise fill the disk or hash for ever.
 */
public final class MeasuredCopy {

    private static final int BUFFER = 64 * 1024;

    private MeasuredCopy() {
    }

    /** A file whose bytes do not match the size measured, while its attributes did not change. */
    public static final class SizeMismatch extends IOException {
        private static final long serialVersionUID = 1L;

        SizeMismatch(String message) {
            super(message);
        }
    }

    /**
     * Copies exactly {@code size} bytes of {@code in} to {@code out}.
     *
     * @throws SizeMismatch if {@code in} ends before {@code size} bytes, or has more
     * @throws IOException  if reading fails; what writing throws is passed on as it is
     */
    public static void copy(InputStream in, long size, OutputStream out) throws IOException {
        byte[] buffer = new byte[BUFFER];
        long left = size;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new SizeMismatch("ended after " + (size - left) + " of its " + size + " bytes");
            }
            out.write(buffer, 0, read);
            left -= read;
        }
        if (in.read() >= 0) {
            throw new SizeMismatch("reads on past its size of " + size + " bytes: not a regular file");
        }
    }
}
