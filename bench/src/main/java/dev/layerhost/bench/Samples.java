package dev.layerhost.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The timings of one measure, in nanoseconds, in the order they were taken.
 *
 * @param nanos one duration per timed run; never empty
 */
record Samples(List<Long> nanos) {

    Samples {
        nanos = List.copyOf(nanos);
        if (nanos.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
    }

    /** A collector of timings, filled by the measuring loop. */
    static final class Recorder {
        private final List<Long> nanos = new ArrayList<>();

        void add(long durationNanos) {
            nanos.add(durationNanos);
        }

        Samples samples() {
            return new Samples(nanos);
        }
    }

    int count() {
        return nanos.size();
    }

    /** The median; for an even count, the mean of the two middle values. */
    double medianMillis() {
        List<Long> sorted = sorted();
        int middle = sorted.size() / 2;
        double median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
        return median / 1e6;
    }

    /** The 90th percentile by nearest rank. */
    double p90Millis() {
        List<Long> sorted = sorted();
        int rank = (int) Math.ceil(0.9 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1) / 1e6;
    }

    /** Every timing less {@code offset} (for example the watcher's quiet period). */
    Samples minus(Duration offset) {
        return new Samples(nanos.stream().map(value -> value - offset.toNanos()).toList());
    }

    private List<Long> sorted() {
        return nanos.stream().sorted().toList();
    }
}
