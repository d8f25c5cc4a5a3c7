/** A pipeline plugin: reads comma-separated files of numbers with a header line. */
module example.source.csv {
    requires pipeline.api;

    provides dev.layerhost.example.pipeline.api.TableSource with dev.layerhost.example.source.csv.CsvSource;
}
