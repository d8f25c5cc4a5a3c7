// tag::plugin-module[]
module acme.csv {
    requires layerhost.api;          // the host's API layer: DataSource
    requires acme.text;              // a private library, packed beside the plugin's jar in its folder
    provides dev.layerhost.api.DataSource with acme.csv.CsvSource;
}
// end::plugin-module[]
