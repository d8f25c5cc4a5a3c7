module p.base {
    requires layerhost.api;
    exports p.base;
    provides dev.layerhost.api.DataSource with p.base.BaseSource;
}
