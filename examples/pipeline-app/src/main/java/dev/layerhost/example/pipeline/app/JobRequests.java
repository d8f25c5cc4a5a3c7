package dev.layerhost.example.pipeline.app;

import java.util.ArrayList;
import java.util.List;

/**
 * Requests to run the job again, from the host's listener thread, taken by the main thread; and the
 * request to stop, from a signal handler. Requests that arrive while a job runs are run together once.
 */
final class JobRequests {

    private final Object lock = new Object();
    private final List<String> reasons = new ArrayList<>();
    private boolean stopped;

    /** Asks for one more run of the job; ignored once stopped. */
    void request(String reason) {
        synchronized (lock) {
            if (!stopped) {
                reasons.add(reason);
                lock.notifyAll();
            }
        }
    }

    /** Asks the main thread to stop: {@link #next()} returns empty from now on. */
    void stop() {
        synchronized (lock) {
            stopped = true;
            lock.notifyAll();
        }
    }

    /**
     * Waits for requests or the stop.
     *
     * @return the reasons of every request since the last call, oldest first; empty once stopped
     */
    List<String> next() throws InterruptedException {
        synchronized (lock) {
            while (reasons.isEmpty() && !stopped) {
                lock.wait();
            }
            if (stopped) {
                return List.of();
            }
            List<String> taken = List.copyOf(reasons);
            reasons.clear();
            return taken;
        }
    }
}
