package dev.layerhost.core.internal.plan;

import dev.layerhost.core.internal.archive.CandidateModule;
import dev.layerhost.core.internal.archive.EntryFinder;

import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.lang.module.ResolutionException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JDK's resolver walks a layer's chain of {@code requires} recursively; {@link LayerResolution} gives
 * it the stack that walk needs, whatever the caller's thread has.
 */
class LayerResolutionTest {

    /** Far past what the JDK's walk gets through on a stack of {@link #SMALL_STACK}: about 4,500 modules. */
    private static final int CHAIN = 15_000;
    /** A worker thread's stack in many hosts. */
    private static final long SMALL_STACK = 512 * 1024;

    @Test
    void aChainOfModulesTooLongForTheCallersStackIsResolvedOnAStackOfItsOwn() throws Exception {
        List<CandidateModule> chain = chain(CHAIN);
        String top = chain.get(CHAIN - 1).name();
        List<Configuration> parents = List.of(ModuleLayer.boot().configuration());

        // The reason for the class: the JDK's own call overflows such a thread.
        Object direct = onThread(() -> Configuration.resolve(new EntryFinder(chain), parents, ModuleFinder.of(),
                Set.of(top)));
        assertInstanceOf(StackOverflowError.class, direct);

        Object resolved = onThread(() -> LayerResolution.resolve(chain, parents, top));
        assertEquals(CHAIN, assertInstanceOf(Configuration.class, resolved).modules().size());
    }

    @Test
    void aLayerTheJdkRefusesIsRefusedAsTheJdkRefusesIt() {
        List<CandidateModule> chain = new ArrayList<>(chain(LayerResolution.SHALLOW + 1));
        // the first module now requires the last: a cycle through all of them, found on the thread of its own
        chain.set(0, module(ModuleDescriptor.newModule(name(0)).requires(name(LayerResolution.SHALLOW)).build()));
        Object refused = onThread(() -> LayerResolution.resolve(chain, List.of(ModuleLayer.boot().configuration()),
                name(LayerResolution.SHALLOW)));
        assertTrue(assertInstanceOf(ResolutionException.class, refused).getMessage().startsWith("Cycle detected"),
                String.valueOf(refused));
    }

    /** Modules {@code m00000} to {@code m<count-1>}, each requiring the one before it. */
    private static List<CandidateModule> chain(int count) {
        List<CandidateModule> modules = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ModuleDescriptor.Builder builder = ModuleDescriptor.newModule(name(i));
            if (i > 0) {
                builder.requires(name(i - 1));
            }
            modules.add(module(builder.build()));
        }
        return modules;
    }

    private static String name(int index) {
        return "m%05d".formatted(index);
    }

    /** A module whose reader is never opened: resolving reads descriptors only. */
    private static CandidateModule module(ModuleDescriptor descriptor) {
        ModuleReference reference = new ModuleReference(descriptor, URI.create("memory:///" + descriptor.name())) {
            @Override
            public ModuleReader open() {
                throw new UnsupportedOperationException("resolving reads no module's content");
            }
        };
        return new CandidateModule(reference, descriptor.name() + ".jar");
    }

    /** What {@code call} returns or throws on a thread with a stack of {@link #SMALL_STACK}. */
    private static Object onThread(Callable<?> call) {
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                outcome.set(call.call());
            } catch (Exception | StackOverflowError e) {
                outcome.set(e);
            }
        }, "small-stack", SMALL_STACK);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + thread, e);
        }
        return outcome.get();
    }
}
