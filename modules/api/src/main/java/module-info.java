/**
 * The layerhost plugin API: the service types that plugins provide and hosts look up.
 *
 * <p>This module is the default API layer of every plugin layer. A plugin is a module that
 * {@code provides} at least one of these types, for example:
 * <pre>{@code
 * module acme.csv {
 *     requires layerhost.api;
 *     provides dev.layerhost.api.DataSource with acme.csv.CsvSource;
 * }
 * }</pre>
 */
module layerhost.api {
    exports dev.layerhost.api;
}
