package dev.layerhost.core.internal.trust;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

/**
 * One zip entry read to its end in bounded memory (the caller's buffer), checked against what its
 * central directory record declares: the JDK's {@link java.util.zip.ZipFile} checks neither the size
 * nor the CRC-32 of what it inflates. Reading stops as soon as an entry yields more bytes than declared,
 * so an entry that inflates without end costs at most its declared size.
 *
 * @param bytes   how many bytes were read
 * @param problem what does not match, naming the entry; empty if the entry is intact
 */
record EntryRead(long bytes, Optional<String> problem) {

    static EntryRead through(ZipEntry entry, InputStream in, byte[] buffer) throws IOException {
        long declared = entry.getSize();
        CRC32 crc = new CRC32();
        long count = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            count += read;
            if (declared >= 0 && count > declared) {
                return new EntryRead(count, Optional.of("entry " + entry.getName() + " inflates to more than the "
                        + declared + " bytes its header declares"));
            }
            crc.update(buffer, 0, read);
        }
        if (declared >= 0 && count != declared) {
            return new EntryRead(count, Optional.of("entry " + entry.getName() + " holds " + count
                    + " bytes, not the " + declared + " its header declares"));
        }
        if (entry.getCrc() >= 0 && crc.getValue() != entry.getCrc()) {
            return new EntryRead(count, Optional.of("entry " + entry.getName() + " does not match its CRC-32"));
        }
        return new EntryRead(count, Optional.empty());
    }
}
