package dev.layerhost.core.internal.load;

import dev.layerhost.core.Diagnostic;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A loaded plugin's provider instances: made while loading (eager), or by the first caller that asks
 * for them (lazy: loading then defines the layer and runs no plugin code). Made once either way;
 * thread-safe. Plugin code never runs under this object's lock: retiring the plugin (a reload, an
 * unload, the host closing) never waits for a constructor, and instances a constructor finishes after
 * the plugin retired are closed at once.
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

    private static final Made NONE = new Made(List.of(), List.of());

    private final Supplier<Made> maker;
    private final Consumer<List<Object>> lateRetirement;
    /** Guarded by this object's lock. */
    private Made made;
    private boolean retired;
    private Thread making;

    private Providers(Supplier<Made> maker, Made made, Consumer<List<Object>> lateRetirement) {
        this.maker = maker;
        this.made = made;
        this.lateRetirement = lateRetirement;
    }

    static Providers made(List<Object> instances) {
        return new Providers(null, new Made(instances, List.of()), nothingLate -> { });
    }

    /**
     * @param lateRetirement closes instances that {@code maker} finished after the plugin retired
     */
    static Providers lazy(Supplier<Made> maker, Consumer<List<Object>> lateRetirement) {
        return new Providers(Objects.requireNonNull(maker, "maker"), null, lateRetirement);
    }

    /**
     * The instances, made now on the calling thread if nobody asked before (plugin code runs); none once
     * the plugin retired, or while one of its own constructors asks for them.
     */
    public Made get() {
        synchronized (this) {
            boolean interrupted = false;
            try {
                while (made == null && !retired && making != null) {
                    if (making == Thread.currentThread()) {
                        return NONE; // a constructor of this plugin asks for the plugin's own services
                    }
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            if (made != null) {
                return made;
            }
            if (retired) {
                return NONE;
            }
            making = Thread.currentThread();
        }
        Made result = null;
        try {
            result = maker.get();
        } finally {
            boolean late;
            synchronized (this) {
                making = null;
                late = retired && result != null;
                if (result != null && !retired) {
                    made = result;
                }
                notifyAll();
            }
            if (late) {
                lateRetirement.accept(result.instances());
            }
        }
        synchronized (this) {
            return made != null ? made : NONE;
        }
    }

    /**
     * The instances made so far, and no more from now on: the plugin no longer serves, and these must be
     * closed. Never waits for a constructor that is running: what it makes is closed when it returns.
     */
    public synchronized List<Object> retire() {
        retired = true;
        notifyAll();
        return made == null ? List.of() : made.instances();
    }
}
