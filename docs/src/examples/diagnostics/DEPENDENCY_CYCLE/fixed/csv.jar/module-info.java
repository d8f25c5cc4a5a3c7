// tag::module[]
module acme.csv {
    requires layerhost.api;
    provides dev.layerhost.api.DataSource with acme.csv.CsvSource;
}
// end::module[]
