package dev.layerhost.example.pipeline.api;

import java.io.IOException;
import java.nio.file.Path;

/** An exporter: writes what a job produced to a file in a folder. */
public interface ResultExporter {

    /**
     * A short name for people; the plugin's id and version come from its module.
     *
     * @return a name such as {@code json}
     */
    String name();

    /**
     * Writes {@code prediction} into {@code directory} (which exists), under a name of the exporter's
     * choice derived from the table's name.
     *
     * @param prediction what to write
     * @param directory  an existing folder
     * @return the file written
     * @throws IOException if it cannot be written
     */
    Path export(Prediction prediction, Path directory) throws IOException;
}
