// tag::module[]
// javac --module-version 1.1.0
module acme.csv {
    requires layerhost.api;
    provides dev.layerhost.api.DataSource with acme.csv.CsvSource;
}
// end::module[]
