// tag::module[]
module acme.csv {
    requires layerhost.api;
    provides dev.layerhost.api.DataSource with acme.csv.CsvSource;
    provides dev.layerhost.api.Exporter with acme.csv.CsvExporter;    // not allowed by this host
}
// end::module[]
