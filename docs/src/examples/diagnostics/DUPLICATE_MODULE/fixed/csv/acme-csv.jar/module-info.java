// tag::module[]
module acme.csv {
    requires layerhost.api;
    requires acme.text;
    provides dev.layerhost.api.DataSource with acme.csv.CsvSource;
}
// end::module[]
