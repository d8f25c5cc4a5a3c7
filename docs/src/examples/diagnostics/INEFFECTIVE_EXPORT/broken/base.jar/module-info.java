// tag::module[]
module acme.base {
    requires layerhost.api;
    exports acme.base.spi to acme.report;   // acme.report is in a child layer: this never reaches it
    provides dev.layerhost.api.DataSource with acme.base.BaseSource;
}
// end::module[]
