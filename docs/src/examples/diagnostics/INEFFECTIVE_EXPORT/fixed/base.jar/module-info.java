// tag::module[]
module acme.base {
    requires layerhost.api;
    exports acme.base.spi;
    provides dev.layerhost.api.DataSource with acme.base.BaseSource;
}
// end::module[]
