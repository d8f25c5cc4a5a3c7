package dev.layerhost.core.internal.plan;

import dev.layerhost.core.internal.archive.CandidateModule;
import dev.layerhost.core.internal.archive.EntryFinder;

import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.module.ResolutionException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Resolves one plugin's layer with the JDK's {@link Configuration#resolve}, on a stack deep enough for
 * it. The JDK's resolver looks for cycles with a recursive walk over the layer's own modules
 * ({@code Resolver.detectCycles}), one frame of about 120 bytes per module of the longest chain of
 * {@code requires}: a folder entry of some 9,000 chained libraries overflows a thread's usual stack of
 * 1 MB there. A layer of many modules is therefore resolved on a thread of its own, whose stack size is
 * given explicitly for its number of modules (an upper bound on its longest chain). Should the JDK
 * overflow all the same (a platform that ignores the size), the layer is refused with a
 * {@link ResolutionException} that says so, never a {@link StackOverflowError}.
 */
public final class LayerResolution {

    /** Layers of at most this many modules are resolved on the caller's thread: a few hundred KB of stack. */
    static final int SHALLOW = 1000;
    /** About four times what the JDK's walk takes per module, compiled or interpreted. */
    private static final long STACK_PER_MODULE = 512;
    /** For the resolver's own frames above the walk, and the thread's start. */
    private static final long BASE_STACK = 1024 * 1024;

    private LayerResolution() {
    }

    /**
     * As {@code Configuration.resolve(new EntryFinder(modules), parents, ModuleFinder.of(), Set.of(root))},
     * and throws what it throws.
     *
     * @param modules the modules of the plugin's entry its layer would define
     * @param parents the parent configurations, in order
     * @param root    the plugin module
     */
    public static Configuration resolve(List<CandidateModule> modules, List<Configuration> parents, String root) {
        if (modules.size() <= SHALLOW) {
            return resolveHere(modules, parents, root);
        }
        AtomicReference<Configuration> resolved = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable resolution = () -> {
            try {
                resolved.set(resolveHere(modules, parents, root));
            } catch (RuntimeException | Error e) {
                failure.set(e);
            }
        };
        long stackSize = BASE_STACK + STACK_PER_MODULE * modules.size();
        Thread thread = new Thread(null, resolution, "layerhost-resolve-" + root, stackSize);
        thread.setDaemon(true);
        thread.start();
        joinUninterruptibly(thread);
        Throwable thrown = failure.get();
        if (thrown instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (thrown instanceof Error error) {
            throw error;
        }
        return resolved.get();
    }

    private static Configuration resolveHere(List<CandidateModule> modules, List<Configuration> parents, String root) {
        try {
            return Configuration.resolve(new EntryFinder(modules), parents, ModuleFinder.of(), Set.of(root));
        } catch (StackOverflowError e) {
            // The resolver is pure: nothing it half did outlives the call.
            throw new ResolutionException("its " + modules.size() + " modules form a chain of requires too long"
                    + " for the JDK's resolver on a stack of this thread's size");
        }
    }

    /**
     * Waits for the resolution, which is short and runs no plugin code, even if this thread is
     * interrupted meanwhile; the interrupt is kept for the caller.
     */
    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
