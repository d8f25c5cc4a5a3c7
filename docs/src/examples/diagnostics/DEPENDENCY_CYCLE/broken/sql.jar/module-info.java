// tag::module[]
module acme.sql {
    requires layerhost.api;
    requires acme.csv;
    provides dev.layerhost.api.DataSource with acme.sql.SqlSource;
}
// end::module[]
