package dev.layerhost.core.internal.check;

import dev.layerhost.core.Diagnostic;
import dev.layerhost.core.DiagnosticCode;
import dev.layerhost.core.Policy;
import dev.layerhost.core.internal.check.RootShape.EntryShape;
import dev.layerhost.core.internal.check.RootShape.ModuleShape;
import dev.layerhost.core.internal.check.RootShape.RequiresShape;
import dev.layerhost.core.internal.model.ModelConfiguration;
import dev.layerhost.core.internal.model.ModuleNode;

import java.lang.module.ModuleDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The checker's graph walks on graphs far deeper than any thread's stack would allow a recursive walk,
 * built in memory: each runs on a thread with the JVM's usual stack of 1 MB, which a recursion of fifty
 * thousand frames overflows whatever the size of its frames.
 */
class DeepGraphCheckTest {

    private static final int DEPTH = 50_000;
    private static final long USUAL_STACK = 1024 * 1024;

    @Test
    void theCyclesOfAChainOfModulesAreFoundAtItsFarEnd() throws Exception {
        // each module requires the next, and the last the one two before it: one cycle, at the far end
        List<ModuleNode> nodes = new ArrayList<>();
        for (int i = 0; i < DEPTH; i++) {
            ModuleDescriptor.Builder builder = ModuleDescriptor.newModule(name("m", i));
            if (i + 1 < DEPTH) {
                builder.requires(name("m", i + 1));
            } else {
                builder.requires(name("m", i - 2));
            }
            nodes.add(new ModuleNode(builder.build(), "p", false, Optional.empty()));
        }
        ModelConfiguration layer = new ModelConfiguration(nodes, List.of());

        Set<List<String>> cycles = onUsualStack(() -> ModuleCycles.in(layer));

        assertEquals(Set.of(List.of(name("m", DEPTH - 3), name("m", DEPTH - 2), name("m", DEPTH - 1))), cycles);
    }

    @Test
    void theCyclesOfAChainOfPluginsAreFoundAtItsFarEnd() throws Exception {
        Map<String, Set<String>> parentsById = new TreeMap<>();
        for (int i = 0; i < DEPTH; i++) {
            parentsById.put(name("p", i), Set.of(i + 1 < DEPTH ? name("p", i + 1) : name("p", i - 1)));
        }

        Map<String, List<String>> cycles = onUsualStack(() -> PluginCycles.find(parentsById));

        List<String> cycle = List.of(name("p", DEPTH - 2), name("p", DEPTH - 1));
        assertEquals(Map.of(name("p", DEPTH - 2), cycle, name("p", DEPTH - 1), cycle), cycles);
    }

    /**
     * A chain of plugins, each requiring the next, whose last misses a module: the first by name stands on
     * all the others, so finding the cycles and the parents-first order goes down the whole chain at once;
     * then each plugin is rejected for its parent without being resolved.
     */
    @Test
    void aChainOfPluginsStandingOnARejectedOneIsRejectedPluginByPlugin() throws Exception {
        List<EntryShape> entries = new ArrayList<>();
        for (int i = 0; i < DEPTH; i++) {
            RequiresShape below = new RequiresShape(i == DEPTH - 1 ? "gone.x" : name("p", i + 1), false, false,
                    Optional.empty());
            RequiresShape api = new RequiresShape(RootShape.API_MODULE, false, false, Optional.empty());
            entries.add(new EntryShape(name("e", i), new ModuleShape(name("p", i), Optional.of("1.0"), false,
                    List.of(name("p", i) + ".impl"), List.of(), List.of(api, below), true), List.of()));
        }
        RootShape root = new RootShape(entries, Set.of());
        PluginChecker checker = new PluginChecker(VerdictComparison.API, Policy.permissive());

        Verdicts verdicts = onUsualStack(() -> checker.check(root.candidates(root.references())));

        assertEquals(DEPTH, verdicts.verdicts().size());
        assertEquals(List.of(), verdicts.layerOrder());
        for (Verdict verdict : verdicts.verdicts()) {
            int index = Integer.parseInt(verdict.source().substring(1));
            Diagnostic only = verdict.diagnostics().get(0);
            assertEquals(1, verdict.diagnostics().size(), verdict.source());
            boolean last = index == DEPTH - 1;
            assertEquals(last ? DiagnosticCode.MISSING_DEPENDENCY : DiagnosticCode.DEPENDENCY_REJECTED,
                    only.code(), verdict.source());
            assertEquals(last ? "gone.x" : name("p", index + 1), only.details().get("module"));
        }
    }

    private static String name(String prefix, int index) {
        return prefix + "%06d".formatted(index);
    }

    /** What {@code call} returns on a thread with a stack of {@link #USUAL_STACK}; what it throws, thrown here. */
    private static <T> T onUsualStack(Callable<T> call) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                result.set(call.call());
            } catch (Exception | StackOverflowError e) {
                failure.set(e);
            }
        }, "usual-stack", USUAL_STACK);
        thread.start();
        thread.join();
        if (failure.get() instanceof Exception exception) {
            throw exception;
        }
        if (failure.get() instanceof Error error) {
            throw error;
        }
        return result.get();
    }
}
