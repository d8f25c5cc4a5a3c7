package dev.layerhost.api;

import java.util.List;
import java.util.Map;

/**
 * A plugin category: a source of tabular records, such as a CSV reader, a database connector or a
 * metrics feed.
 *
 * <p>Implementations are found by {@link java.util.ServiceLoader} from a plugin module's
 * {@code provides dev.layerhost.api.DataSource with ...} clause; they need a public no-argument
 * constructor or a public static {@code provider()} method.
 */
public interface DataSource {

    /**
     * A short, stable name that users select this source by.
     *
     * @return the source's name, for example {@code "csv"}
     */
    String name();

    /**
     * The URI schemes this source reads.
     *
     * @return the schemes, for example {@code ["file", "s3"]}; never empty
     */
    List<String> schemes();

    /**
     * Reads up to {@code limit} records from {@code location}.
     *
     * @param location where to read, in one of the {@link #schemes()}
     * @param limit    the most records to read
     * @return immutable records, one map of column name to value per record
     */
    List<Map<String, Object>> read(String location, int limit);
}
