// tag::module[]
module acme.report {
    requires layerhost.api;
    requires acme.csv;               // a plugin: its layer is this plugin's parent
    provides dev.layerhost.api.DataSource with acme.report.ReportSource;
}
// end::module[]
