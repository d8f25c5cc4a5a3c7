package dev.layerhost.bench;

import java.lang.management.ManagementFactory;

/** The heap in use once the garbage collector has collected all it can. */
final class HeapProbe {

    private HeapProbe() {
    }

    static long usedAfterCollection() {
        long used = Long.MAX_VALUE;
        // A few rounds: a cleaner or a reference queue may free more after the first collection.
        for (int round = 0; round < 4; round++) {
            System.gc();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
