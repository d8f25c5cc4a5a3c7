package dev.layerhost.api;

import java.util.List;
import java.util.Map;

/** A plugin category: writes records to a destination format, such as JSON lines or Parquet. */
public interface Exporter {

    /** The format this exporter writes, for example {@code "jsonl"}. */
    String format();

    /** Renders {@code records} in this exporter's format. */
    String export(List<Map<String, Object>> records);
}
