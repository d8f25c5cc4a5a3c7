package dev.layerhost.api;

import java.util.List;
import java.util.Map;

/** A plugin category: writes records to a destination format, such as JSON lines or Parquet. */
public interface Exporter {

    /**
     * The format this exporter writes.
     *
     * @return the format's name, for example {@code "jsonl"}
     */
    String format();

    /**
     * Renders {@code records} in this exporter's format.
     *
     * @param records one map of column name to value per record
     * @return the records in this exporter's {@link #format()}
     */
    String export(List<Map<String, Object>> records);
}
