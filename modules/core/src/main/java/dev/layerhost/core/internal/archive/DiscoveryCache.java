package dev.layerhost.core.internal.archive;

import dev.layerhost.core.PluginMetadata;
import dev.layerhost.core.internal.scan.FileNames;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.CRC32;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What layerhost learnt of each jar it read (its reading as a module, and its content hash), keyed by
 * the jar's path and {@link JarStamp}, and kept in an index file so that the next host over an unchanged
 * root reads no jar again.
 *
 * <p>Never stale: a jar's reading is reused only if its stamp is the recorded one. A stamp can lie only
 * when the jar changed within the file system's timestamp granularity of being recorded, or when the
 * platform has no status-change time: such a record is "racy" (the term is git's, for the same problem
 * in its index), and it is reused only if the jar's content hash is still the recorded one.
 *
 * <p>A missing, unreadable, truncated or foreign index file is an empty cache, never an error. Thread-safe.
 */
public final class DiscoveryCache {

    private static final Logger log = LoggerFactory.getLogger(DiscoveryCache.class);
    /** Longer than the coarsest timestamp granularity in use (FAT's 2 s). */
    public static final Duration RACY_WINDOW = Duration.ofSeconds(3);
    private static final int MAGIC = 0x4C484958; // "LHIX"
    /** An index of 100,000 jars is a few tens of MB; a larger file is no index of ours. */
    private static final long MAX_INDEX_BYTES = 256L * 1024 * 1024;
    /** Bumped whenever what a reading holds, or how a jar is read, changes (2: the archive screen; 3: the manifest's plugin metadata). */
    private static final int FORMAT = 3;

    private final Optional<Path> indexFile;
    private final Duration racyWindow;
    private final Clock clock;
    private final Map<String, Known> known = new ConcurrentHashMap<>();
    private final AtomicBoolean dirty = new AtomicBoolean();
    /** Whether the index file was read: on first use, so that building a host reads nothing. */
    private volatile boolean loaded;

    /**
     * A jar as it was recorded.
     *
     * @param observedNanos when the stamp was taken (epoch nanoseconds)
     * @param sha256        the content hash, when it was computed
     */
    public record Known(JarStamp stamp, long observedNanos, Optional<String> sha256, JarReading reading) {
        public Known {
            Objects.requireNonNull(stamp, "stamp");
            Objects.requireNonNull(sha256, "sha256");
            Objects.requireNonNull(reading, "reading");
        }
    }

    private DiscoveryCache(Optional<Path> indexFile, Duration racyWindow, Clock clock) {
        this.indexFile = indexFile;
        this.racyWindow = racyWindow;
        this.clock = clock;
    }

    /** A cache kept in memory only. */
    public static DiscoveryCache inMemory() {
        return new DiscoveryCache(Optional.empty(), RACY_WINDOW, Clock.systemUTC());
    }

    /** The cache kept in {@code indexFile}, with what the file holds now (nothing if it is missing or unreadable). */
    public static DiscoveryCache open(Path indexFile) {
        return open(indexFile, RACY_WINDOW, Clock.systemUTC());
    }

    static DiscoveryCache open(Path indexFile, Duration racyWindow, Clock clock) {
        return new DiscoveryCache(Optional.of(indexFile), racyWindow, clock);
    }

    /** Reads the index file, once, before the first use of the records. */
    private void ensureLoaded() {
        if (loaded) {
            return;
        }
        synchronized (this) {
            if (!loaded) {
                try {
                    if (indexFile.isPresent()) {
                        load();
                    }
                } finally {
                    // read once, whatever it held: a file that cannot be read is an empty cache for good
                    loaded = true;
                }
            }
        }
    }

    /**
     * What was recorded of {@code jar} if it is unchanged: its stamp is {@code stamp}, and, for a racy
     * record, its content hash is the recorded one.
     */
    public Optional<Known> lookup(Path jar, JarStamp stamp) {
        ensureLoaded();
        String key = key(jar);
        Known record = known.get(key);
        if (record == null || !record.stamp().equals(stamp)) {
            return Optional.empty();
        }
        if (!racy(record.stamp(), record.observedNanos())) {
            return Optional.of(record);
        }
        if (record.sha256().isEmpty()) {
            return Optional.empty();
        }
        long observed = nowNanos();
        try {
            if (!ContentHash.of(jar, stamp.size()).equals(record.sha256().get())
                    || !JarStamp.of(jar).equals(Optional.of(stamp))) {
                return Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        if (!racy(stamp, observed)) {
            // The content was verified at a time after which any write changes the stamp.
            Known verified = new Known(stamp, observed, record.sha256(), record.reading());
            known.put(key, verified);
            dirty.set(true);
            return Optional.of(verified);
        }
        return Optional.of(record);
    }

    /**
     * Records {@code reading} of {@code jar}, read while its stamp stayed {@code stamp}, which was taken
     * at {@code observedNanos} (epoch nanoseconds) or later. A racy stamp without a content hash is not
     * recorded, nor is a descriptor the cache cannot reproduce.
     */
    public void record(Path jar, JarStamp stamp, long observedNanos, Optional<String> sha256, JarReading reading) {
        ensureLoaded();
        if (reading instanceof JarReading.Module module && !DescriptorCodec.codable(module.descriptor())) {
            return;
        }
        if (sha256.isEmpty() && racy(stamp, observedNanos)) {
            return;
        }
        known.put(key(jar), new Known(stamp, observedNanos, sha256, reading));
        dirty.set(true);
    }

    /** The content hash last recorded for {@code jar}, whatever its stamp now. */
    public Optional<String> currentHash(Path jar) {
        ensureLoaded();
        Known record = known.get(key(jar));
        return record == null ? Optional.empty() : record.sha256();
    }

    /** The content hashes the records hold: what a sweep of the content store keeps. */
    public Set<String> hashes() {
        ensureLoaded();
        Set<String> hashes = new HashSet<>();
        known.values().forEach(record -> record.sha256().ifPresent(hashes::add));
        return hashes;
    }

    /** Forgets every jar but {@code jars}: a full scan saw only these. */
    public void retainOnly(Collection<Path> jars) {
        ensureLoaded();
        Set<String> keep = new HashSet<>();
        jars.forEach(jar -> keep.add(key(jar)));
        if (known.keySet().retainAll(keep)) {
            dirty.set(true);
        }
    }

    /** The time to pass as {@code observedNanos} of a stamp taken now. */
    public long nowNanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** Writes the index file if anything changed since it was read or written; a failure only costs speed. */
    public synchronized void save() {
        if (indexFile.isEmpty() || !loaded || !dirty.getAndSet(false)) {
            return;
        }
        Path file = indexFile.get();
        // A name of its own per save: two hosts of one JVM on one root (Maven -T) save at once, and a name
        // made of the pid would be the same file for both. CacheSweep deletes leftovers by their ".tmp".
        Path temporary = null;
        try {
            Files.createDirectories(file.getParent());
            temporary = Files.createTempFile(file.getParent(), file.getFileName() + ".", ".tmp");
            Files.write(temporary, encode());
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            log.debug("Could not write the discovery cache {}: {}", file, e.toString());
            try {
                if (temporary != null) {
                    Files.deleteIfExists(temporary);
                }
            } catch (IOException ignored) {
                // nothing else to do: the next save writes it anew
            }
        }
    }

    private boolean racy(JarStamp stamp, long observedNanos) {
        return !stamp.hasChangeTime() || observedNanos - stamp.latestNanos() < racyWindow.toNanos();
    }

    private static String key(Path jar) {
        return FileNames.key(jar);
    }

    private byte[] encode() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.writeInt(Runtime.version().feature());
        Map<String, Known> records = Map.copyOf(known);
        out.writeInt(records.size());
        for (Map.Entry<String, Known> record : records.entrySet()) {
            Known value = record.getValue();
            out.writeUTF(record.getKey());
            out.writeLong(value.stamp().size());
            out.writeLong(value.stamp().modifiedNanos());
            out.writeLong(value.stamp().changedNanos());
            out.writeUTF(value.stamp().fileKey());
            out.writeLong(value.observedNanos());
            out.writeBoolean(value.sha256().isPresent());
            if (value.sha256().isPresent()) {
                out.writeUTF(value.sha256().get());
            }
            if (value.reading() instanceof JarReading.Module module) {
                out.writeByte(0);
                DescriptorCodec.write(module.descriptor(), out);
                writeMetadata(module.metadata(), out);
            } else if (value.reading() instanceof JarReading.Invalid invalid) {
                out.writeByte(1);
                String reason = invalid.reason();
                out.writeUTF(reason.length() > 8_000 ? reason.substring(0, 8_000) : reason);
            }
        }
        out.flush();
        CRC32 crc = new CRC32();
        crc.update(bytes.toByteArray());
        out.writeLong(crc.getValue());
        return bytes.toByteArray();
    }

    private void load() {
        Path file = indexFile.orElseThrow();
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_INDEX_BYTES) {
                log.debug("Ignoring the discovery cache {}: larger than {} bytes", file, MAX_INDEX_BYTES);
                return;
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException | OutOfMemoryError e) {
            log.debug("Could not read the discovery cache {}: {}", file, e.toString());
            return;
        }
        try {
            if (bytes.length < 8) {
                throw new IOException("too short");
            }
            CRC32 crc = new CRC32();
            crc.update(bytes, 0, bytes.length - 8);
            if (crc.getValue() != ByteBuffer.wrap(bytes, bytes.length - 8, 8).getLong()) {
                throw new IOException("checksum mismatch");
            }
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - 8));
            if (in.readInt() != MAGIC || in.readInt() != FORMAT || in.readInt() != Runtime.version().feature()) {
                throw new IOException("another format or Java version");
            }
            int count = in.readInt();
            if (count < 0) {
                throw new IOException("bad count " + count);
            }
            for (int i = 0; i < count; i++) {
                String key = in.readUTF();
                JarStamp stamp = new JarStamp(in.readLong(), in.readLong(), in.readLong(), in.readUTF());
                long observed = in.readLong();
                Optional<String> sha = in.readBoolean() ? Optional.of(in.readUTF()) : Optional.empty();
                byte kind = in.readByte();
                JarReading reading = switch (kind) {
                    case 0 -> new JarReading.Module(DescriptorCodec.read(in), readMetadata(in));
                    case 1 -> new JarReading.Invalid(in.readUTF());
                    default -> throw new IOException("unknown reading kind " + kind);
                };
                known.put(key, new Known(stamp, observed, sha, reading));
            }
        } catch (IOException | RuntimeException e) {
            // Whatever the file holds, a cache that cannot be trusted is an empty one.
            log.debug("Ignoring the discovery cache {}: {}", file, e.toString());
            known.clear();
        }
    }

    private static void writeMetadata(PluginMetadata metadata, DataOutputStream out) throws IOException {
        for (Optional<String> value : List.of(metadata.description(), metadata.vendor(), metadata.license(),
                metadata.homepage())) {
            out.writeBoolean(value.isPresent());
            if (value.isPresent()) {
                out.writeUTF(value.get());
            }
        }
    }

    private static PluginMetadata readMetadata(DataInputStream in) throws IOException {
        List<Optional<String>> values = new ArrayList<>(4);
        for (int i = 0; i < 4; i++) {
            values.add(in.readBoolean() ? Optional.of(in.readUTF()) : Optional.empty());
        }
        return new PluginMetadata(values.get(0), values.get(1), values.get(2), values.get(3));
    }
}
