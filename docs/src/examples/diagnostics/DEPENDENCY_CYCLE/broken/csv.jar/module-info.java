// tag::module[]
module acme.csv {
    requires layerhost.api;
    requires acme.sql;               // and acme.sql requires acme.csv
    provides dev.layerhost.api.DataSource with acme.csv.CsvSource;
}
// end::module[]
