// tag::module[]
module acme.csv {
    requires layerhost.api;
    requires java.sql;               // the host denies it: --deny-module java.sql
    provides dev.layerhost.api.DataSource with acme.csv.CsvSource;
}
// end::module[]
