package dev.layerhost.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What a test of unloading needs: weak references to class loaders, collection until they clear, the
 * count of the process's open file descriptors, and the count of the snapshot copies left on disk.
 */
final class Reachability {

    /** Where Linux lists the process's open file descriptors, one entry each. */
    static final Path OPEN_FILES = Path.of("/proc/self/fd");

    private Reachability() {
    }

    /** A weak reference to the class loader of {@code module} in the live layer of {@code plugin}. */
    static WeakReference<ClassLoader> loaderOf(PluginHost host, String plugin, String module) {
        ModuleLayer layer = host.layer(plugin).orElseThrow(() -> new AssertionError(plugin + " is not live"));
        return new WeakReference<>(layer.findLoader(module));
    }

    /** Whether every reference is cleared. */
    static boolean allCleared(List<? extends Reference<?>> references) {
        return references.stream().allMatch(reference -> reference.refersTo(null));
    }

    /** How many of the references are not cleared. */
    static long uncleared(List<? extends Reference<?>> references) {
        return references.stream().filter(reference -> !reference.refersTo(null)).count();
    }

    /**
     * Collects garbage until {@code done} holds or {@code bound} has passed; returns {@code done}'s last
     * answer. A {@code System.gc()} is only a request, and cleaners (which close the jar files of
     * collected loaders) run on their own thread, so one call is not enough.
     */
    static boolean collectUntil(BooleanSupplier done, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                return done.getAsBoolean();
            }
            System.gc();
            // Some allocation pressure, so that a collector that ignores System.gc() still runs.
            byte[][] pressure = new byte[16][];
            for (int i = 0; i < pressure.length; i++) {
                pressure[i] = new byte[1 << 16];
            }
            pause();
        }
        return true;
    }

    /** The number of the process's open file descriptors (including the one this listing uses). */
    static long openFileDescriptors() {
        try (Stream<Path> descriptors = Files.list(OPEN_FILES)) {
            return descriptors.count();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + OPEN_FILES, e);
        }
    }

    /**
     * The open file descriptor count once it stopped falling: garbage is collected until three counts
     * in a row agree (or ten seconds passed), so that jars of loaders that were garbage already are closed.
     */
    static long settledOpenFileDescriptors() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long count = openFileDescriptors();
        int unchanged = 0;
        while (unchanged < 3 && System.nanoTime() - deadline < 0) {
            System.gc();
            pause();
            long now = openFileDescriptors();
            unchanged = now == count ? unchanged + 1 : 0;
            count = now;
        }
        return count;
    }

    /**
     * The regular files below {@code folder} whose names {@code which} accepts. A snapshot copy that a
     * cleaner deletes during the walk (on its own thread, once its layer is collected) is not counted.
     */
    static long filesBelow(Path folder, Predicate<String> which) {
        long[] count = {0};
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile() && which.test(file.getFileName().toString())) {
                        count[0]++;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException failure) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        return count[0];
    }

    private static void pause() {
        try {
            // Gives the reference handler and cleaner threads time to run between collections.
            Thread.sleep(Duration.ofMillis(20).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while collecting garbage", e);
        }
    }
}
