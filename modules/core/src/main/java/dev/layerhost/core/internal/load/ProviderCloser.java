package dev.layerhost.core.internal.load;

import dev.layerhost.core.Diagnostic;
import dev.layerhost.core.internal.diagnostic.Diagnostics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a plugin that it no longer serves, the JPMS-native way: every provider instance of it that
 * implements {@link AutoCloseable} is closed, last instantiated first, so that it can stop the threads it
 * started and close the files it opened (which would otherwise keep its layer reachable forever). Plugin
 * code runs here; whatever it throws becomes a {@code CLOSE_FAILED} diagnostic, never an exception.
 */
public final class ProviderCloser {

    private static final Logger log = LoggerFactory.getLogger(ProviderCloser.class);

    /**
     * Closes the {@link AutoCloseable} ones of {@code instances}, each once, with its plugin's class loader
     * as the context class loader.
     *
     * @return one diagnostic per instance whose {@code close()} threw
     */
    public List<Diagnostic> close(RetiredPlugin retired) {
        List<Diagnostic> failures = new ArrayList<>();
        Set<Object> closed = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Object> lastFirst = new ArrayList<>(retired.instances());
        Collections.reverse(lastFirst);
        Thread thread = Thread.currentThread();
        ClassLoader hostContext = thread.getContextClassLoader();
        // A close() that joins its threads must not fail because the host's thread was interrupted (a
        // signal, a closing host): the flag is set aside and restored afterwards.
        boolean interrupted = Thread.interrupted();
        for (Object instance : lastFirst) {
            if (!(instance instanceof AutoCloseable closeable) || !closed.add(instance)) {
                continue;
            }
            thread.setContextClassLoader(instance.getClass().getClassLoader());
            try {
                closeable.close();
            } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
                String cause = PluginLoader.causeOf(e);
                log.warn("Closing provider {} of plugin '{}' failed: {}", instance.getClass().getName(),
                        retired.id(), cause);
                failures.add(Diagnostics.closeFailed(retired.source(), retired.id(),
                        instance.getClass().getName(), cause));
            } finally {
                thread.setContextClassLoader(hostContext);
            }
        }
        if (interrupted) {
            thread.interrupt();
        }
        return failures;
    }
}
