/**
 * The service types of the sample pipeline host: what its plugins provide and it looks up. A plugin
 * provides one or more of them, for example:
 * <pre>{@code
 * module example.source.csv {
 *     requires pipeline.api;
 *     provides dev.layerhost.example.pipeline.api.TableSource with dev.layerhost.example.source.csv.CsvSource;
 * }
 * }</pre>
 */
module pipeline.api {
    exports dev.layerhost.example.pipeline.api;
}
