package dev.layerhost.core.internal.archive;

import dev.layerhost.core.PluginMetadata;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Looks at the few entries of a jar that the JDK's module finder reads whole into memory, before it reads
 * them, so that a crafted jar is refused for itself instead of exhausting the heap of the whole scan:
 * {@code module-info.class} (a few hundred bytes that may name one 60 KB class name 65,535 times, each a
 * new string), the service files of an automatic module (read line by line: one 2 GB line is one 2 GB
 * string) and the manifest. Each is inflated through a bound, so a zip bomb costs at most the bound.
 * The limits are far above what any real module has. The manifest it reads anyway also gives the plugin's
 * {@link PluginMetadata}, so the jar is not opened a second time for it.
 */
final class ArchiveScreen {

    /** A real module-info.class is a few KB; the JDK's own largest (java.base) is under 20 KB. */
    static final int MAX_MODULE_INFO_BYTES = 1 << 20;
    /** What reading a module-info.class may allocate for the names it holds, at most. */
    static final long MAX_DESCRIPTOR_NAME_BYTES = 64L << 20;
    /** A service file lists provider class names, one per line. */
    static final int MAX_SERVICE_FILE_BYTES = 1 << 20;
    /** All service files of a jar together: the JDK keeps a string per line of each. */
    static final int MAX_SERVICE_FILES_BYTES = 2 << 20;
    /** What the entries' names may add up to: the JDK keeps them, and the package names made of them. */
    static final long MAX_ENTRY_NAME_BYTES = 16L << 20;
    /** A class file's ModulePackages attribute counts packages in two bytes: no module has more. */
    static final int MAX_PACKAGES = 65_535;
    /** Service files of an automatic module, each read and kept by the JDK. */
    static final int MAX_SERVICE_FILES = 4_096;
    /** The JDK's own limit for manifests and signature files ({@code jdk.jar.maxSignatureFileSize}). */
    static final int MAX_MANIFEST_BYTES = 16_000_000;
    /**
     * Lines of a manifest that the JDK parses whole (an automatic module's, a signed jar's): it keeps an
     * object per attribute, so a few MB of one-letter attributes would take hundreds of MB of heap. A signed
     * jar's manifest has about three lines per entry, so this still takes signed jars of 30,000 entries.
     */
    static final int MAX_PARSED_MANIFEST_LINES = 100_000;

    private static final String SERVICES = "META-INF/services/";
    private static final Pattern VERSIONED = Pattern.compile("META-INF/versions/[0-9]+/(.*)");

    private ArchiveScreen() {
    }

    /**
     * What the screen found: why the module finder must not read the jar, if it must not, and the
     * metadata of its manifest (empty when refused, or when the manifest says nothing or cannot be read).
     */
    record Screening(Optional<String> refusal, PluginMetadata metadata) {

        static Screening refused(String reason) {
            return new Screening(Optional.of(reason), PluginMetadata.empty());
        }

        static Screening passed(PluginMetadata metadata) {
            return new Screening(Optional.empty(), metadata);
        }
    }

    /**
     * Why the module finder must not read {@code jar}, if it must not, and its manifest's metadata. A jar
     * that cannot be opened as a zip at all passes: the module finder then says why itself.
     */
    static Screening screen(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Optional<String> refusal = refusal(zip);
            return refusal.map(Screening::refused).orElseGet(() -> Screening.passed(metadataOf(zip)));
        } catch (IOException | RuntimeException e) {
            // not a zip at all: the module finder reports it in its words
            return Screening.passed(PluginMetadata.empty());
        }
    }

    private static Optional<String> refusal(ZipFile zip) {
        List<ZipEntry> moduleInfos = new ArrayList<>();
        List<ZipEntry> serviceFiles = new ArrayList<>();
        List<ZipEntry> manifests = new ArrayList<>();
        boolean signed = false;
        long nameBytes = 0;
        Set<String> packages = new HashSet<>();
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
            ZipEntry entry = entries.nextElement();
            // The module finder derives packages from the entries' names (an automatic module, or a
            // descriptor without its packages), keeping every name and package it makes.
            nameBytes += entry.getName().length();
            if (nameBytes > MAX_ENTRY_NAME_BYTES) {
                return Optional.of("its entries' names are longer than " + MAX_ENTRY_NAME_BYTES + " bytes together");
            }
            int slash = entry.getName().lastIndexOf('/');
            if (entry.getName().endsWith(".class") && slash > 0 && packages.add(entry.getName().substring(0, slash))
                    && packages.size() > MAX_PACKAGES) {
                return Optional.of("it holds classes in more than " + MAX_PACKAGES + " packages");
            }
            // A jar's lookup of "x" also finds an entry "x/" (ZipFile.getEntry), which the JDK then
            // reads like a file: so "module-info.class/" is a descriptor too.
            String name = unversioned(withoutTrailingSlash(entry.getName()));
            if (name.equals("module-info.class")) {
                moduleInfos.add(entry);
            } else if (name.startsWith(SERVICES)) {
                serviceFiles.add(entry);
            } else if (withoutTrailingSlash(entry.getName()).equalsIgnoreCase("META-INF/MANIFEST.MF")) {
                manifests.add(entry);
            } else if (isSignatureFile(entry.getName())) {
                signed = true;
            }
        }
        // Each candidate on its own: one that cannot be inflated (the JDK fails on it as well, if it
        // reads it at all) must not keep another from being looked at.
        // The module finder parses the manifest of an automatic module, and the jar verifier a signed jar's;
        // an explicit module's is read here for its metadata only, a few attributes at a time.
        for (ZipEntry manifest : manifests) {
            Optional<String> problem = manifestProblem(zip, manifest, moduleInfos.isEmpty() || signed);
            if (problem.isPresent()) {
                return problem;
            }
        }
        for (ZipEntry moduleInfo : moduleInfos) {
            Optional<String> problem = descriptorProblem(zip, moduleInfo);
            if (problem.isPresent()) {
                return problem;
            }
        }
        // An automatic module's providers come from its service files, which the JDK reads by lines.
        if (moduleInfos.isEmpty()) {
            if (serviceFiles.size() > MAX_SERVICE_FILES) {
                return Optional.of("it holds more than " + MAX_SERVICE_FILES + " META-INF/services files");
            }
            long total = 0;
            for (ZipEntry serviceFile : serviceFiles) {
                long length = inflatedLength(zip, serviceFile, MAX_SERVICE_FILE_BYTES).orElse(0L);
                if (length > MAX_SERVICE_FILE_BYTES) {
                    return Optional.of(serviceFile.getName() + " is larger than " + MAX_SERVICE_FILE_BYTES
                            + " bytes");
                }
                total += length;
                if (total > MAX_SERVICE_FILES_BYTES) {
                    return Optional.of("the META-INF/services files are larger than " + MAX_SERVICE_FILES_BYTES
                            + " bytes together");
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The metadata of the jar's manifest (read through the same bound as above, which it passed), as the
     * JDK's {@code JarFile} finds it: {@code META-INF/MANIFEST.MF}, whatever its case. A manifest that does
     * not parse gives none: it is metadata only, and the module finder decides whether the jar is usable.
     */
    private static PluginMetadata metadataOf(ZipFile zip) {
        ZipEntry manifest = zip.getEntry("META-INF/MANIFEST.MF");
        if (manifest == null) {
            manifest = zip.stream().filter(entry -> entry.getName().equalsIgnoreCase("META-INF/MANIFEST.MF"))
                    .findFirst().orElse(null);
        }
        if (manifest == null || manifest.isDirectory()) {
            return PluginMetadata.empty();
        }
        try (InputStream in = zip.getInputStream(manifest)) {
            byte[] bytes = in.readNBytes(MAX_MANIFEST_BYTES + 1);
            if (bytes.length > MAX_MANIFEST_BYTES) {
                return PluginMetadata.empty();
            }
            return ManifestMetadata.of(bytes);
        } catch (IOException | RuntimeException e) {
            return PluginMetadata.empty();
        }
    }

    /** A signature file of the jar's signers ({@code META-INF/SIGNER.SF}), which makes the JDK verify it. */
    private static boolean isSignatureFile(String name) {
        return name.regionMatches(true, 0, "META-INF/", 0, 9) && name.indexOf('/', 9) < 0
                && name.regionMatches(true, name.length() - 3, ".SF", 0, 3);
    }

    /**
     * Why the manifest is refused, if it is: larger than the JDK reads, or, where the JDK parses it whole
     * ({@code parsedWhole}), of more lines than it can keep. Size and lines are measured in one inflation.
     */
    private static Optional<String> manifestProblem(ZipFile zip, ZipEntry manifest, boolean parsedWhole) {
        CappedSink sink = new CappedSink(MAX_MANIFEST_BYTES + 1L);
        try (InputStream in = zip.getInputStream(manifest)) {
            in.transferTo(sink);
        } catch (CappedSink.Full e) {
            return Optional.of(manifest.getName() + " is larger than " + MAX_MANIFEST_BYTES + " bytes");
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // does not inflate: the JDK's reader fails on it the same way
        }
        if (parsedWhole && sink.lines() > MAX_PARSED_MANIFEST_LINES) {
            return Optional.of(manifest.getName() + " has more than " + MAX_PARSED_MANIFEST_LINES + " lines");
        }
        return Optional.empty();
    }

    private static String withoutTrailingSlash(String name) {
        return name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    }

    private static String unversioned(String name) {
        var versioned = VERSIONED.matcher(name);
        return versioned.matches() ? versioned.group(1) : name;
    }

    private static Optional<String> descriptorProblem(ZipFile zip, ZipEntry moduleInfo) {
        byte[] bytes;
        try (InputStream in = zip.getInputStream(moduleInfo)) {
            bytes = in.readNBytes(MAX_MODULE_INFO_BYTES + 1);
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // does not inflate: the JDK's reader fails on it the same way
        }
        if (bytes.length > MAX_MODULE_INFO_BYTES) {
            return Optional.of(moduleInfo.getName() + " is larger than " + MAX_MODULE_INFO_BYTES + " bytes");
        }
        long names = DescriptorNameBound.of(bytes);
        if (names > MAX_DESCRIPTOR_NAME_BYTES) {
            return Optional.of(moduleInfo.getName() + " would take " + (names >> 20) + " MB of names to read (at most "
                    + (MAX_DESCRIPTOR_NAME_BYTES >> 20) + " MB): a crafted descriptor");
        }
        return Optional.empty();
    }

    /**
     * What {@code entry} inflates to, or {@code limit + 1} if more than {@code limit}, reading no more;
     * empty if it does not inflate.
     */
    private static Optional<Long> inflatedLength(ZipFile zip, ZipEntry entry, int limit) {
        try (InputStream in = zip.getInputStream(entry)) {
            return Optional.of(in.transferTo(new CappedSink(limit + 1L)));
        } catch (CappedSink.Full e) {
            return Optional.of(limit + 1L);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Counts what is written to it, and its lines, and stops the copy once more than its capacity came. */
    private static final class CappedSink extends OutputStream {
        private final long capacity;
        private long written;
        private long lines;
        private boolean afterCr;

        CappedSink(long capacity) {
            this.capacity = capacity;
        }

        static final class Full extends IOException {
            private static final long serialVersionUID = 1L;

            Full() {
                super("more bytes than the limit");
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            written += length;
            if (written >= capacity) {
                throw new Full();
            }
            for (int i = offset; i < offset + length; i++) {
                if (bytes[i] == '\r' || (bytes[i] == '\n' && !afterCr)) {
                    lines++;
                }
                afterCr = bytes[i] == '\r';
            }
        }

        /** The line ends written so far (CR, LF, or CR LF as one). */
        long lines() {
            return lines;
        }
    }
}
