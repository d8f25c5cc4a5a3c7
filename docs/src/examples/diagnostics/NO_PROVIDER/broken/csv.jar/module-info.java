// tag::module[]
module acme.csv {
    requires layerhost.api;
    exports acme.csv;                // CsvSource implements DataSource, but nothing says so
}
// end::module[]
