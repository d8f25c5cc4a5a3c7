package dev.layerhost.core.internal.watch;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Decides, one watcher pass after the other, when the plugin root's disabled list changed and then stayed
 * still for the quiet period, as {@link QuietPeriod} does for entries: an editor that saves in two writes
 * gives one synchronization. It reads no file and no clock. Not thread-safe: one watcher thread calls it.
 */
final class DisabledListChanges {

    private final Duration period;
    /** The stamp that differs from the last one taken, and since when it is so; null when none differs. */
    private String pendingStamp;
    private Instant pendingSince;

    DisabledListChanges(Duration period) {
        this.period = Objects.requireNonNull(period, "period");
    }

    /**
     * @param stamp the list's stamp now ({@code ""}: no list)
     * @param taken the stamp of the list the registry last read
     * @return whether the list is ready to be taken: it differs from {@code taken}, and has looked the same
     *         for the quiet period
     */
    boolean observe(Instant now, String stamp, String taken) {
        if (stamp.equals(taken)) {
            pendingStamp = null;
            return false;
        }
        if (!stamp.equals(pendingStamp)) {
            pendingStamp = stamp;
            pendingSince = now;
        }
        if (Duration.between(pendingSince, now).compareTo(period) < 0) {
            return false;
        }
        pendingStamp = null;
        return true;
    }
}
