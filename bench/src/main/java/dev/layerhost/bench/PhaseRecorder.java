package dev.layerhost.bench;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects layerhost's own {@code layerhost.Phase} flight-recorder events while some loads run: the time
 * each phase (scan, copy, check, plan, define, instantiate) took, summed over those loads.
 */
final class PhaseRecorder implements AutoCloseable {

    private final Recording recording = new Recording();

    PhaseRecorder() {
        recording.enable("layerhost.Phase");
        recording.start();
    }

    /** Stops recording; the nanoseconds of each phase of the passes named {@code pass}, summed. */
    Map<String, Long> stop(String pass) {
        recording.stop();
        Map<String, Long> nanos = new LinkedHashMap<>();
        try {
            Path file = Files.createTempFile("layerhost-bench-", ".jfr");
            try {
                recording.dump(file);
                for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
                    if (event.getEventType().getName().equals("layerhost.Phase") && pass.equals(event.getString("pass"))) {
                        nanos.merge(event.getString("phase"), event.getLong("nanos"), Long::sum);
                    }
                }
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the flight recording", e);
        }
        return nanos;
    }

    @Override
    public void close() {
        recording.close();
    }
}
