package dev.layerhost.core.internal.watch;

import dev.layerhost.core.internal.scan.Entry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a jar ends as a complete zip does: with an end-of-central-directory record in its last 64 KiB.
 * A jar still being written in place does not yet, so the watcher gives it more time before reading it.
 */
final class ZipTail {

    private static final int END_RECORD_SIZE = 22;
    private static final int MAX_COMMENT_SIZE = 0xFFFF;

    private ZipTail() {
    }

    /** Whether every jar of the entry ends like a complete zip. */
    static boolean endsLikeZips(Entry entry) {
        return entry.jars().stream().allMatch(ZipTail::endsLikeZip);
    }

    static boolean endsLikeZip(Path jar) {
        try (SeekableByteChannel channel = Files.newByteChannel(jar)) {
            long size = channel.size();
            int window = (int) Math.min(size, END_RECORD_SIZE + MAX_COMMENT_SIZE);
            if (window < END_RECORD_SIZE) {
                return false;
            }
            ByteBuffer tail = ByteBuffer.allocate(window);
            channel.position(size - window);
            while (tail.hasRemaining() && channel.read(tail) > 0) {
                // read the whole window
            }
            byte[] bytes = tail.array();
            for (int i = window - END_RECORD_SIZE; i >= 0; i--) {
                if (bytes[i] == 0x50 && bytes[i + 1] == 0x4b && bytes[i + 2] == 0x05 && bytes[i + 3] == 0x06) {
                    // The record ends the file exactly (after its comment): a signature that a nested,
                    // stored jar holds further up is not the end of this one.
                    int commentLength = (bytes[i + 20] & 0xFF) | (bytes[i + 21] & 0xFF) << 8;
                    if (i + END_RECORD_SIZE + commentLength == window) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
