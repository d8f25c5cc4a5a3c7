package dev.layerhost.core;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Records the host's {@code layerhost.Phase} flight-recorder events while some work runs on the calling
 * thread, and sums the {@code entries} of one phase: for {@code verify}, how many jars the work read to
 * verify their signatures. Only events of the calling thread count, so that a host another test left
 * running cannot change the sum.
 *
 * <pre>{@code
 * assertEquals(1, PhaseRecording.entries("verify", () -> host.reload("p.alpha")));
 * }</pre>
 */
final class PhaseRecording {

    private PhaseRecording() {
    }

    /** Runs {@code work} and returns the entries of its {@code phase} events, summed. */
    static long entries(String phase, Runnable work) {
        long thread = Thread.currentThread().getId();
        try (Recording recording = new Recording()) {
            recording.enable("layerhost.Phase").withoutThreshold();
            recording.start();
            work.run();
            recording.stop();
            Path file = Files.createTempFile("layerhost-phases-", ".jfr");
            try {
                recording.dump(file);
                long sum = 0;
                for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
                    if (event.getEventType().getName().equals("layerhost.Phase")
                            && phase.equals(event.getString("phase"))
                            && event.getThread() != null && event.getThread().getJavaThreadId() == thread) {
                        sum += event.getInt("entries");
                    }
                }
                return sum;
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the flight recording", e);
        }
    }
}
