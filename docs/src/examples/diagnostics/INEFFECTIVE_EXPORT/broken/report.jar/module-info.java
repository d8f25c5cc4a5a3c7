// tag::module[]
module acme.report {
    requires layerhost.api;
    requires acme.base;
    provides dev.layerhost.api.DataSource with acme.report.ReportSource;
}
// end::module[]
