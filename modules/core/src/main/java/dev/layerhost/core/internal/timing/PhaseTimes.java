package dev.layerhost.core.internal.timing;

import jdk.jfr.FlightRecorder;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The time each phase of one pass over a plugin root took, summed: what a profile of a slow load asks
 * first. Reported as {@code layerhost.Phase} flight-recorder events and one debug log line. Not
 * thread-safe: one pass, one thread.
 */
public final class PhaseTimes {

    private static final Logger log = LoggerFactory.getLogger(PhaseTimes.class);

    /**
     * The phases, in pipeline order. {@code VERIFY} is part of {@code CHECK}: the jars whose signatures
     * were verified (read to the end) in the pass, and the time that took; a verdict kept from before
     * counts in neither.
     */
    public enum Phase {
        SCAN, COPY, READ, CHECK, VERIFY, PLAN, DEFINE, INSTANTIATE;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final String pass;
    private final Map<Phase, long[]> times = new LinkedHashMap<>();

    public PhaseTimes(String pass) {
        this.pass = pass;
    }

    /** Runs {@code work} as (part of) {@code phase} over {@code entries} entries. */
    public <T> T time(Phase phase, int entries, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            add(phase, entries, System.nanoTime() - start);
        }
    }

    /** Adds {@code nanos} to {@code phase}, for {@code entries} more entries. */
    public void add(Phase phase, int entries, long nanos) {
        long[] total = times.computeIfAbsent(phase, p -> new long[2]);
        total[0] += nanos;
        total[1] += entries;
    }

    /** Commits the flight-recorder events and logs the line; once, at the end of the pass. */
    public void report() {
        if (times.isEmpty()) {
            return;
        }
        // Until a recording starts, the recorder is not even initialized: touching an event class then
        // would load a few dozen of its classes into every short-lived command for nothing.
        if (FlightRecorder.isInitialized() && new PhaseEvent().isEnabled()) {
            times.forEach((phase, total) -> {
                PhaseEvent event = new PhaseEvent();
                event.pass = pass;
                event.phase = phase.label();
                event.entries = (int) Math.min(Integer.MAX_VALUE, total[1]);
                event.nanos = total[0];
                event.commit();
            });
        }
        if (log.isDebugEnabled()) {
            StringBuilder line = new StringBuilder(pass).append(':');
            times.forEach((phase, total) -> line.append(' ').append(phase.label()).append(' ')
                    .append(TimeUnit.NANOSECONDS.toMicros(total[0]) / 1000.0).append(" ms (").append(total[1]).append(')'));
            log.debug("{}", line);
        }
    }
}
