package dev.layerhost.example.pipeline.api;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A data source: reads a data set from a file into a {@link Table}. The host calls it from one thread
 * at a time.
 */
public interface TableSource {

    /**
     * A short name for people; the plugin's id and version come from its module.
     *
     * @return a name such as {@code csv}
     */
    String name();

    /**
     * Reads the data set in {@code file}.
     *
     * @param file the file to read
     * @return its table, named after the file
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException if its content is not a table this source understands; the
     *                                  message names the file and the line
     */
    Table read(Path file) throws IOException;
}
