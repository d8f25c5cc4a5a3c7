package dev.layerhost.core.internal.load;

import dev.layerhost.core.Diagnostic;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A loaded plugin's provider instances: made while loading (eager), or by the first caller that asks
 * for them (lazy: loading then defines the layer and runs no plugin code). Made once either way;
 * thread-safe.
 */
public final class Providers {

    /** The instances made, and the failures of the providers that threw (then the instances never serve). */
    public record Made(List<Object> instances, List<Diagnostic> failures) {
        public Made {
            instances = List.copyOf(instances);
            failures = List.copyOf(failures);
        }

        public boolean failed() {
            return !failures.isEmpty();
        }
    }

    private Supplier<Made> maker;
    private Made made;

    private Providers(Supplier<Made> maker, Made made) {
        this.maker = maker;
        this.made = made;
    }

    static Providers made(List<Object> instances) {
        return new Providers(null, new Made(instances, List.of()));
    }

    static Providers lazy(Supplier<Made> maker) {
        return new Providers(Objects.requireNonNull(maker, "maker"), null);
    }

    /** The instances, made now if nobody asked before; plugin code may run, on the calling thread. */
    public synchronized Made get() {
        if (made == null) {
            made = maker.get();
            maker = null; // drops what the maker held (the layer it captured stays reachable through the plugin)
        }
        return made;
    }

    /**
     * The instances made so far, and no more from now on: the plugin no longer serves, and these must be
     * closed. A caller that asks later gets none.
     */
    public synchronized List<Object> retire() {
        maker = null;
        if (made == null) {
            made = new Made(List.of(), List.of());
        }
        return made.instances();
    }
}
